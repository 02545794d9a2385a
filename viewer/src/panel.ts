// The side panel: a node's properties, and its relations, each with the article it was read from and the evidence
// sentence, the two names marked.
import type { ArticleDetails, NodeDetails, RelationView } from './api.ts';
import { el } from './dom.ts';
import { highlightSegments, propertyRows, relationPropsText } from './format.ts';
import { namesOf } from './graph.ts';
import { relationZh, ruleZh, typeStyle } from './style.ts';

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  /** Open the article a relation was read from, its evidence marked. */
  read(r: RelationView): void;
  close(): void;
}

function swatch(type: string): HTMLElement {
  const s = el('span', { className: 'swatch' });
  s.style.background = typeStyle(type).color;
  return s;
}

/** The evidence sentence, names marked; a link to its article when the article is known. */
function evidenceBlock(r: RelationView, self: NodeDetails, actions: PanelActions): HTMLElement {
  const quote = el('blockquote', { className: 'evidence' });
  for (const seg of highlightSegments(r.evidence, [...namesOf(self), ...namesOf(r.other)])) {
    quote.append(seg.hit ? el('mark', { text: seg.text }) : document.createTextNode(seg.text));
  }
  if (!r.article) return quote;
  const link = el('a', { className: 'evidence-link', title: '阅读原文', attrs: { href: '#' } }, quote);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    actions.read(r);
  });
  return link;
}

function relationItem(r: RelationView, self: NodeDetails, actions: PanelActions): HTMLElement {
  const other = el('button', {
    className: 'link',
    text: r.other.label,
    title: r.other.id,
    dataset: { id: r.other.id },
  });
  other.addEventListener('click', () => actions.select(r.other.id));
  const verb = relationZh(r.type);
  const props = relationPropsText(r.props);
  const head = el(
    'div',
    { className: 'rel-head' },
    el('span', { className: 'rel-type', text: `${r.direction === 'out' ? '→' : '←'} ${verb}`, title: r.type }),
    ' ',
    swatch(r.other.type),
    other,
    props && el('span', { className: 'rel-props', text: props }),
  );
  const source = r.article
    ? el(
        'div',
        { className: 'rel-source' },
        el('span', { className: 'article-title', text: `《${r.article.title ?? r.article.id}》` }),
        r.article.date && el('span', { className: 'article-date', text: r.article.date }),
      )
    : null;
  // The rule in words, so that a reader tells a relation read from a name from one guessed from a shared sentence.
  const rule = el(
    'div',
    { className: 'rel-rule', title: r.rule ?? '' },
    '依据：',
    el('span', { text: ruleZh(r.rule) }),
  );
  return el(
    'li',
    { className: 'relation', dataset: { type: r.type } },
    head,
    source,
    rule,
    r.evidence && evidenceBlock(r, self, actions),
  );
}

export function renderPanel(container: HTMLElement, details: NodeDetails, actions: PanelActions): void {
  const close = el('button', { className: 'close', text: '×', title: '关闭' });
  close.addEventListener('click', actions.close);
  const expand = el('button', { text: '展开邻居', title: '从服务器载入相邻节点' });
  expand.addEventListener('click', () => actions.expand(details.id));

  const props = el('dl', { className: 'props' });
  for (const [k, v] of propertyRows(details.attributes)) props.append(el('dt', { text: k }), el('dd', { text: v }));

  const list = el('ul', { className: 'relations' });
  for (const r of details.relations) list.append(relationItem(r, details, actions));
  const count =
    details.relationCount > details.relations.length
      ? `关系（显示 ${details.relations.length} / ${details.relationCount}）`
      : `关系（${details.relationCount}）`;

  container.replaceChildren(
    el(
      'header',
      {},
      close,
      el('h2', { text: details.label }),
      el('div', { className: 'type' }, swatch(details.type), typeStyle(details.type).zh, ` · ${details.type}`),
    ),
    el('div', { className: 'actions' }, expand),
    props,
    el('h3', { text: count }),
    list,
  );
  container.dataset.node = details.id;
  delete container.dataset.article;
  container.hidden = false;
}

/** An article as printed, the evidence of `r` marked (body offsets start–end), with where it is on the page. */
export function renderArticle(
  container: HTMLElement,
  article: ArticleDetails,
  r: RelationView,
  back: () => void,
): void {
  const close = el('button', { className: 'close', text: '←', title: '返回' });
  close.addEventListener('click', back);
  const where = [article.date, article.file, r.pageLine === null ? null : `第 ${r.pageLine} 行`].filter(Boolean);
  const text = el('div', { className: 'article-body' });
  const body = article.body ?? '';
  const [s, e] =
    r.start !== null && r.end !== null && body.slice(r.start, r.end) === r.evidence ? [r.start, r.end] : [0, 0];
  text.append(document.createTextNode(body.slice(0, s)));
  if (e > s) text.append(el('mark', { text: body.slice(s, e) }));
  text.append(document.createTextNode(body.slice(e)));
  container.replaceChildren(
    el(
      'header',
      {},
      close,
      article.kicker && el('div', { className: 'kicker', text: article.kicker }),
      el('h2', { text: article.title ?? article.id }),
      article.subtitle && el('div', { className: 'subtitle', text: article.subtitle }),
      el('div', { className: 'article-where', text: where.join(' · ') }),
    ),
    text,
  );
  container.dataset.article = article.id;
  delete container.dataset.node;
  container.hidden = false;
  // The sentence may be far down a long article: bring it into view.
  text.querySelector('mark')?.scrollIntoView({ block: 'center' });
}

export function clearPanel(container: HTMLElement): void {
  container.replaceChildren();
  delete container.dataset.node;
  delete container.dataset.article;
  container.hidden = true;
}
