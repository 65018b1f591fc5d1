// jpeg-js rejects bad images by throwing; that is fine. A decode that never returns is the
// bug: the watchdog (-timeout) reports it as a timeout finding.
module.exports = function makeTarget(jpeg) {
  return function fuzz(data) {
    try {
      jpeg.decode(data, { useTArray: true, maxResolutionInMP: 1, maxMemoryUsageInMB: 64 });
    } catch {
      // rejected input
    }
  };
};
