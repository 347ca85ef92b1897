import { describe, expect, it } from 'vitest';
import { compileMask, hasMaskSyntax } from '../../../src/state/pane/mask.js';

function matching(mask: string, names: string[], caseSensitive?: boolean): string[] {
  const m = compileMask(mask, caseSensitive === undefined ? {} : { caseSensitive });
  return names.filter(m);
}

describe('compileMask', () => {
  const names = [
    'a.jpg',
    'b.JPG',
    'photo.jpeg',
    'report-01.pdf',
    'report-1.pdf',
    'report-123.pdf',
    '.env',
    'x.png',
    'notes.txt',
    'a+b(1).txt',
  ];

  it('matches * and ? against the whole name', () => {
    expect(matching('*.jpg', names)).toEqual(['a.jpg']);
    expect(matching('report-??.pdf', names)).toEqual(['report-01.pdf']);
    expect(matching('*', names)).toEqual(names);
    expect(matching('.*', names)).toEqual(['.env']);
    expect(matching('jpg', names)).toEqual([]);
  });

  it('is case-sensitive by default and can ignore case', () => {
    expect(matching('*.jpg', names, false)).toEqual(['a.jpg', 'b.JPG']);
  });

  it('supports {a,b} alternatives, also nested and with wildcards', () => {
    expect(matching('*.{jpg,png}', names)).toEqual(['a.jpg', 'x.png']);
    expect(matching('*.{jp{g,eg},txt}', names)).toEqual(['a.jpg', 'photo.jpeg', 'notes.txt', 'a+b(1).txt']);
    expect(matching('{a,x}.*', names)).toEqual(['a.jpg', 'x.png']);
  });

  it('supports character sets and negated sets', () => {
    expect(matching('[ab].*', names, false)).toEqual(['a.jpg', 'b.JPG']);
    expect(matching('report-[0-9].pdf', names)).toEqual(['report-1.pdf']);
    expect(matching('[!ab]*.txt', names)).toEqual(['notes.txt']);
    expect(matching('[^.]*', ['.env', 'env'])).toEqual(['env']);
  });

  it('treats regex characters and unmatched brackets literally', () => {
    expect(matching('a+b(1).txt', names)).toEqual(['a+b(1).txt']);
    expect(matching('{a', ['{a', 'a'])).toEqual(['{a']);
    expect(matching('a}', ['a}'])).toEqual(['a}']);
    expect(matching('[a', ['[a'])).toEqual(['[a']);
    expect(matching('a,b', ['a,b'])).toEqual(['a,b']);
    expect(matching('x-y|z', ['x-y|z'])).toEqual(['x-y|z']);
  });

  it('escapes with a backslash', () => {
    expect(matching('\\*.txt', ['*.txt', 'a.txt'])).toEqual(['*.txt']);
  });

  it('makes a mask with an invalid range literal instead of throwing', () => {
    expect(matching('[z-a]', ['[z-a]', 'b'])).toEqual(['[z-a]']);
  });

  it('matches names with control characters and astral characters', () => {
    expect(matching('*', ['line\nbreak'])).toEqual(['line\nbreak']);
    expect(matching('?.txt', ['😀.txt'])).toEqual(['😀.txt']);
  });
});

describe('hasMaskSyntax', () => {
  it('tells masks from plain text', () => {
    expect(hasMaskSyntax('*.jpg')).toBe(true);
    expect(hasMaskSyntax('a?')).toBe(true);
    expect(hasMaskSyntax('*.{jpg,png}')).toBe(true);
    expect(hasMaskSyntax('report')).toBe(false);
    expect(hasMaskSyntax('[2024]')).toBe(false);
    expect(hasMaskSyntax('{draft}')).toBe(false);
  });
});
