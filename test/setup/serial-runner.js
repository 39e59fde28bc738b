// Jest's default runner, but it runs its files one at a time (Jest checks `isSerial` per runner).
const { default: TestRunner } = require('jest-runner');

class SerialRunner extends TestRunner {
  isSerial = true;
}

module.exports = SerialRunner;
