export { describeAdapterContract, type ContractTarget, type SimulatorHandle } from './contract-suite.js';
