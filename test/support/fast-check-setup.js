// A failing property must report within seconds, not shrink for minutes: bound every fast-check run.
const fc = require('fast-check');
fc.configureGlobal({
  interruptAfterTimeLimit: 20_000,
  markInterruptAsFailure: true,
  endOnFailure: false,
});
