export default definePageConfig({ navigationBarTitleText: '议事讨论' });
