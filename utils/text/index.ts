// Words as Talkmark reads them: the tokenizer every index and ranking shares, highlighting, quoting a file's text.
export * from './quote';
export * from './words';
