import { describe, expect, it } from 'vitest';
import { OvhConf, OvhConfParseError } from './ovh-conf.js';

const conf = (text: string, path = '/home/u/.ovh.conf') => OvhConf.fromFiles([{ path, text }]);

describe('ovh.conf read as python-ovh reads it (RawConfigParser)', () => {
  it('reads the documented layout and remembers the file of each value', () => {
    const parsed = conf(
      ['[default]', '; general configuration', 'endpoint=ovh-eu', '', '[ovh-eu]', 'application_key=AK1'].join(
        '\n',
      ),
    );
    expect(parsed.get('default', 'endpoint')).toEqual({
      value: 'ovh-eu',
      path: '/home/u/.ovh.conf',
      section: 'default',
    });
    expect(parsed.get('ovh-eu', 'application_key')?.value).toBe('AK1');
    expect(parsed.files).toEqual(['/home/u/.ovh.conf']);
  });

  it('accepts ":" as delimiter, trims around it and splits on the first one', () => {
    const parsed = conf('[s]\nkey : a=b:c\nother=  x y  ');
    expect(parsed.get('s', 'key')?.value).toBe('a=b:c');
    expect(parsed.get('s', 'other')?.value).toBe('x y');
  });

  it('folds key case but not section case', () => {
    const parsed = conf('[OVH-EU]\nApplication_Key=AK');
    expect(parsed.get('OVH-EU', 'application_key')?.value).toBe('AK');
    expect(parsed.get('ovh-eu', 'application_key')).toBeUndefined();
  });

  it('keeps inline ; and # and quotes as part of the value', () => {
    const parsed = conf('[s]\na=secret ; not a comment\nb="quoted"\nc=true\n  # indented comment line');
    expect(parsed.get('s', 'a')?.value).toBe('secret ; not a comment');
    expect(parsed.get('s', 'b')?.value).toBe('"quoted"');
    expect(parsed.get('s', 'c')?.value).toBe('true');
  });

  it('keeps dots, colons and slashes in section names (endpoint URLs)', () => {
    const parsed = conf(
      '[https://eu.api.ovh.com/1.0]\napplication_key=AK\n[profile:client.one]\nendpoint=ovh-ca',
    );
    expect(parsed.get('https://eu.api.ovh.com/1.0', 'application_key')?.value).toBe('AK');
    expect(parsed.hasSection('profile:client.one')).toBe(true);
  });

  it('joins indented continuation lines, blank lines inside kept, trailing ones dropped', () => {
    const parsed = conf('[s]\nkey = first\n  second\n\n  third\n\nnext=1');
    expect(parsed.get('s', 'key')?.value).toBe('first\nsecond\n\nthird');
    expect(parsed.get('s', 'next')?.value).toBe('1');
  });

  it('uses [DEFAULT] for keys missing from an existing section only', () => {
    const parsed = conf('[DEFAULT]\nconsumer_key=CK0\n[ovh-eu]\napplication_key=AK');
    expect(parsed.get('ovh-eu', 'consumer_key')?.value).toBe('CK0');
    expect(parsed.get('ovh-ca', 'consumer_key')).toBeUndefined();
    expect(parsed.hasSection('DEFAULT')).toBe(false);
  });

  it('lets later files win key by key, keeping the others', () => {
    const merged = OvhConf.fromFiles([
      {
        path: '/etc/ovh.conf',
        text: '[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=AK-etc\nconsumer_key=CK-etc',
      },
      { path: '/work/ovh.conf', text: '[ovh-eu]\nconsumer_key=CK-local' },
    ]);
    expect(merged.get('ovh-eu', 'application_key')).toMatchObject({ value: 'AK-etc', path: '/etc/ovh.conf' });
    expect(merged.get('ovh-eu', 'consumer_key')).toMatchObject({ value: 'CK-local', path: '/work/ovh.conf' });
  });

  it('fails where python fails, naming file and line', () => {
    expect(() => conf('key=value')).toThrow(OvhConfParseError);
    expect(() => conf('key=value')).toThrow('/home/u/.ovh.conf, line 1: a [section] header must come first');
    expect(() => conf('[s]\njust words')).toThrow('line 2: expected "key = value"');
    expect(() => conf('[s]\n=value')).toThrow('line 2');
    expect(() => conf('[s]\na=1\n[s]')).toThrow('line 3: section [s] appears twice');
    expect(() => conf('[s]\na=1\nA=2')).toThrow('line 3: key "a" appears twice in [s]');
  });

  it('reads CRLF files and a byte-order mark', () => {
    const parsed = conf('\uFEFF[default]\r\nendpoint=ovh-ca\r\n');
    expect(parsed.get('default', 'endpoint')?.value).toBe('ovh-ca');
  });
});
