/**
 * Test helper: what in a Markdown text would render as something active, found by an independent
 * parser (prettier's remark, with GitHub's bare-URL links) rather than by the sanitiser's own rules.
 */
import { parsers } from 'prettier/plugins/markdown';

export interface ActiveMarkdown {
  readonly kind: 'link' | 'image' | 'html' | 'definition' | 'mention';
  readonly detail: string;
}

interface MdNode {
  readonly type: string;
  readonly url?: string;
  readonly value?: string;
  readonly identifier?: string;
  readonly children?: readonly MdNode[];
}

const MENTION = /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9]/;

export const findActiveMarkdown = async (
  markdown: string,
  isAllowedUrl: (url: string) => boolean,
): Promise<ActiveMarkdown[]> => {
  const root = (await parsers.markdown.parse(markdown, {} as never)) as MdNode;
  const found: ActiveMarkdown[] = [];
  const definitions = new Set<string>();
  const collect = (node: MdNode) => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      definitions.add((node.identifier ?? '').toLowerCase());
      found.push({ kind: 'definition', detail: node.url ?? node.identifier ?? '' });
    }
    node.children?.forEach(collect);
  };
  const walk = (node: MdNode) => {
    switch (node.type) {
      case 'image':
      case 'imageReference':
        found.push({ kind: 'image', detail: node.url ?? node.identifier ?? '' });
        return;
      case 'link':
        if (!isAllowedUrl(node.url ?? '')) found.push({ kind: 'link', detail: node.url ?? '' });
        break;
      case 'linkReference':
        if (definitions.has((node.identifier ?? '').toLowerCase()))
          found.push({ kind: 'link', detail: node.identifier ?? '' });
        break;
      case 'html':
        found.push({ kind: 'html', detail: node.value ?? '' });
        return;
      case 'text':
        if (MENTION.test(node.value ?? ''))
          found.push({ kind: 'mention', detail: node.value ?? '' });
        return;
      case 'code':
      case 'inlineCode':
        return;
      default:
    }
    node.children?.forEach(walk);
  };
  collect(root);
  walk(root);
  return found;
};
