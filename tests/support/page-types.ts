// One page of each kind the site has, for checks that run per page type.
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  'authored entry': '/errors/08006/',
  // Every code is authored: no page says "not written yet" any more.
  'client snippets': '/errors/57014/in-your-code/',
  'code messages': '/errors/53300/messages/',
  class: '/classes/08/',
  'all codes': '/errors/',
  'shared name': '/errors/string_data_right_truncation/',
  about: '/about/',
  verification: '/verification/',
  '404': '/no-such-page/',
};
