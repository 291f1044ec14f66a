// Exports of the feeds area.
export {};
