import {
  createContext,
  useContext,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

const navigationEvent = 'razgovor:navigate';
let hasNavigated = false;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);

  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function currentHref(): string {
  return window.location.pathname + window.location.search;
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, window.location.origin);

  return { pathname: url.pathname, search: url.searchParams, href };
}

export function useSearchParam(name: string): string | null {
  return useLocation().search.get(name);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  hasNavigated = true;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(navigationEvent));
  window.scrollTo(0, 0);
}

/** True once the person has moved within the app, so pages know to move focus to their heading. */
export function wasNavigated(): boolean {
  return hasNavigated;
}

/** Accepts only same-app paths so a crafted `?next=` cannot send people to another site. */
export function safeNextPath(value: string | null, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }

  return value;
}

export type Params = Record<string, string>;

export function matchPath(pattern: string, pathname: string): Params | null {
  const expected = pattern.split('/').filter(Boolean);
  const actual = pathname.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;

  const params: Params = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index];
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }

  return params;
}

const ParamsContext = createContext<Params>({});

export function useParams(): Params {
  return useContext(ParamsContext);
}

export interface RouteEntry {
  path: string;
  render: () => ReactNode;
}

interface RoutesProps {
  routes: readonly RouteEntry[];
  fallback: ReactNode;
}

export function Routes({ routes, fallback }: RoutesProps) {
  const { pathname } = useLocation();
  const matched = routes
    .map((route) => ({ route, params: matchPath(route.path, pathname) }))
    .find((candidate) => candidate.params !== null);

  if (!matched?.params) return fallback;

  return (
    <ParamsContext.Provider value={matched.params} key={matched.route.path}>
      {matched.route.render()}
    </ParamsContext.Provider>
  );
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function Link({ to, onClick, target, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || target || !isPlainLeftClick(event)) return;

    event.preventDefault();
    navigate(to);
  };

  return <a href={to} target={target} onClick={handleClick} {...rest} />;
}

export function NavLink(props: LinkProps) {
  const { pathname } = useLocation();
  const isCurrent = pathname === props.to;

  return <Link {...props} aria-current={isCurrent ? 'page' : undefined} />;
}
