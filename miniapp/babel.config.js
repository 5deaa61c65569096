// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// This is a root babel config, so it also compiles ../shared/src, which the build aliases as @linli/shared.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
