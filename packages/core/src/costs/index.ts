export { callCostDeadline, isPastCostDeadline } from './deadline.js';
export { createCallCost, sendCallCost, requireCallCostView } from './call-cost.js';
export {
  addExpense,
  changeExpense,
  addMaterial,
  changeMaterial,
  type ExpenseInput,
  type MaterialInput,
} from './cost-items.js';
export { decideCallCost, type ApprovalDecisions } from './approval.js';
export { addCostItems } from './add-cost-items.js';
