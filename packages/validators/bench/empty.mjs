// An empty module: the start-up baseline.
export {};
