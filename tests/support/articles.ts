/** An article as added by URL: the one the store and index tests add. */
export const SUIT_ARTICLE = {
  url: "https://news.example.test/microsoft-sues",
  title: "Microsoft sues Amazon and OpenAI",
  outlet: "Example Wire",
  author: "A. Writer",
  published: "2026-12-01",
  text: "Microsoft sues Amazon and OpenAI\nMicrosoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle, claiming the Frontier deal breaches its exclusive cloud contract.\nThe companies said they would fight the suit.\n",
  addedVia: "url" as const,
  feed: null,
};
