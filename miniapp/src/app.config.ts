export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/report/index',
    'pages/deliberation/index',
    'pages/volunteer/index',
    'pages/me/index',
    'pages/auth/login/index',
    'pages/me/residency/index',
    'pages/me/residency-review/index',
    'pages/cases/detail/index',
    'pages/cases/mine/index',
    'pages/cases/inbox/index',
    'pages/cases/outcomes/index',
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b3261e',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3ef',
  },
  // Text-only tab bar: large dark labels read better for older residents than small icons.
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/report/index', text: '随手拍' },
      { pagePath: 'pages/deliberation/index', text: '议事' },
      { pagePath: 'pages/volunteer/index', text: '志愿' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
