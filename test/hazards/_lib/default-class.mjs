export default class { static who() { return 'class'; } }
