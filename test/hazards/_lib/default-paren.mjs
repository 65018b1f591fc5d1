export default (function () { return 'paren'; });
