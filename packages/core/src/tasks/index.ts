// Exports of the tasks area.
export {};
