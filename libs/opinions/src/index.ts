// Public surface of @razgovor/opinions: opinion maps and groups from agree/disagree votes. Pure.
export {};
