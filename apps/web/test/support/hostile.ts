/**
 * Text that tries to run script, escape its box or fool the reader, with the fragment a person
 * must still be able to read once it is shown. `expect` defaults to the whole text.
 */
export interface Hostile {
  text: string;
  expect?: string;
  /** The API refuses it (control characters, too long): nothing is shown. */
  isRefused?: boolean;
}

const pwn = 'window.__pwned=1';

export const hostileComments: Hostile[] = [
  { text: `<script>${pwn}</script>` },
  { text: '<SCRIPT SRC=//evil.invalid/x.js></SCRIPT>' },
  { text: `<img src=x onerror="${pwn}">` },
  { text: `<svg onload=${pwn}>` },
  { text: `<svg><script>${pwn}</script></svg>` },
  { text: `<iframe src="javascript:${pwn}"></iframe>` },
  { text: `<a href="javascript:${pwn}">click me</a>` },
  { text: `[click me](javascript:${pwn})`, expect: 'click me' },
  { text: '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', expect: 'data' },
  { text: '[vb](vbscript:msgbox(1))', expect: 'vb' },
  { text: `[spaced](  JaVaScRiPt:${pwn})`, expect: 'spaced' },
  { text: '[entity](&#106;avascript:alert(1))', expect: 'entity' },
  { text: `![img](javascript:${pwn})`, expect: 'img' },
  { text: `<body onload=${pwn}>` },
  { text: '<div style="position:fixed;inset:0;background:red;z-index:9999">overlay</div>' },
  { text: '<style>*{display:none !important}</style>' },
  { text: `<math><mtext><table><mglyph><style><img src=x onerror=${pwn}>` },
  { text: `"><img src=x onerror=${pwn}>` },
  { text: `'><script>${pwn}</script>` },
  { text: `<input autofocus onfocus=${pwn}>` },
  { text: `<details open ontoggle=${pwn}>` },
  { text: `<object data="javascript:${pwn}">` },
  { text: `<embed src="data:image/svg+xml,<svg onload=${pwn}>">` },
  { text: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { text: '<base href="javascript:alert(1)//">' },
  { text: `<form action=javascript:${pwn}><button>go</button></form>` },
  { text: `javascript:${pwn}` },
  { text: `data:text/html,<script>${pwn}</script>` },
  { text: `[ok](https://example.org/?q=<script>${pwn}</script>)`, expect: 'ok' },
  { text: `[x](https://example.org" onmouseover="${pwn})`, expect: 'x' },
  { text: `<a href="https://example.org" onclick="${pwn}">hi</a>` },
  { text: `**<img src=x onerror=${pwn}>**`, expect: `<img src=x onerror=${pwn}>` },
  { text: `\`<script>${pwn}</script>\``, expect: `<script>${pwn}</script>` },
  { text: '# <h1 onclick=alert(1)>heading</h1>', expect: '<h1 onclick=alert(1)>heading</h1>' },
  { text: `> <blockquote onmouseover=${pwn}>quoted`, expect: 'quoted' },
  { text: `- <li onclick=${pwn}>item`, expect: 'item' },
  { text: `${'> '.repeat(40)}deep`, expect: 'deep' },
  { text: `${'- '.repeat(40)}listed`, expect: 'listed' },
  { text: "{{constructor.constructor('alert(1)')()}}" },
  { text: '${alert(1)} and `${alert(2)}`', expect: '${alert(1)} and' },
  { text: '<%= 7*7 %> {{7*7}}', expect: '<%= 7' },
  { text: "'; DROP TABLE comments; --" },
  { text: "1' OR '1'='1" },
  { text: '" UNION SELECT password_hash FROM users --' },
  { text: "Robert'); DROP TABLE students;--" },
  { text: 'Снимка\u202Egpj.exe' },
  { text: '\u202Bобратна посока\u202C и после нормално' },
  { text: 'изолирано \u2067עברית\u2069 добре' },
  { text: 'pay\u200Bpal\u200C\u200D\u2060 с невидими знаци' },
  { text: 'а'.repeat(4000) },
  { text: `https://example.org/${'x'.repeat(3000)}` },
  { text: '👨‍👩‍👧‍👦🏳️‍🌈🇧🇬 👍🏽 ❤️‍🔥 🧑🏿‍🦽‍➡️' },
  { text: `З${'\u0336\u0337\u0338\u0489'.repeat(100)}алго` },
  { text: 'Sоfіа pаypаl.com (латински с кирилски букви)' },
  { text: '<marquee>moving</marquee><blink>blink</blink>' },
  { text: '<!-- скрито --> видимо' },
  { text: `<![CDATA[<script>${pwn}</script>]]>` },
  { text: '&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E;' },
  { text: `<scr\nipt>${pwn}</scr\nipt>`, expect: `ipt>${pwn}</scr` },
  { text: `\\<script\\>${pwn}\\</script\\>`, expect: pwn },
  { text: `[a](https://example.org "title" onclick=${pwn})`, expect: 'a' },
  { text: `<javascript:${pwn}>` },
  { text: '[\u202Eливе](https://example.org)', expect: 'ливе' },
  { text: 'שלום مرحبا Здравей hello 你好' },
  { text: `<video><source onerror="${pwn}"></video>` },
  { text: `<link rel=import href="data:text/html,<script>${pwn}</script>">` },
  { text: 'звън\u0007', isRefused: true },
  { text: 'нула\u0000байт', isRefused: true },
  { text: 'ескейп\u001b[31mчервено', isRefused: true },
  { text: 'дълго '.repeat(1000), isRefused: true },
];

export const hostileNames: string[] = [
  `<img src=x onerror=${pwn}>`,
  `"><script>${pwn}</script>`,
  "Robert'); DROP TABLE users;--",
  '{{7*7}} ${name} <%= x %>',
  '😀 Семейство 🇧🇬 👍🏽',
  'Щ'.repeat(60),
];

export const hostileSummary = [
  `<script>${pwn}</script>`,
  '',
  `[обобщение](javascript:${pwn})`,
  '',
  `<img src=x onerror=${pwn}> ${'б'.repeat(2000)}`,
].join('\n');
