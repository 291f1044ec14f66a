// Exports of the costs area.
export {};
