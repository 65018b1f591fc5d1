// Imported by the runner to tell what any `node --import` changes from what kcovjs changes.
