// Exports of the users area.
export {};
