// The property js-yaml promises: safeLoad on any string returns a value or throws a
// YAMLException. Any other exception (a TypeError from inside the parser) is a bug.
module.exports = function makeTarget(yaml) {
  return function fuzz(data) {
    try {
      yaml.safeLoad(data.toString('utf8'));
    } catch (err) {
      if (!(err instanceof yaml.YAMLException)) throw err;
    }
  };
};
