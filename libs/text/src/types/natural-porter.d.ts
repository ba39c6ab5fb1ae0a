// natural's package entry loads every module it has (about 0.6 s and database clients); the Porter
// stemmer file alone is enough for us, and natural ships no typings for it.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
