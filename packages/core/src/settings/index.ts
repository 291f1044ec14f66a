// Exports of the settings area.
export {};
