/**
 * General near-synonyms that chat questions use for words the articles phrase differently.
 * Each group's words are indexed as the group's first word, in passages and queries alike.
 * Story-specific names and aliases live in the topic file, not here.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["differ", "difference", "differences", "different", "distinction", "distinguish", "versus", "vs"],
  ["begin", "begins", "began", "begun", "start", "starts", "started", "starting", "commence", "commences", "kick off", "kicks off", "kicked off", "kicking off"],
  ["launch", "launched", "launches", "launching", "debut", "debuted", "came out", "come out", "comes out", "rolled out", "roll out", "went live", "go live"],
  ["staff", "employees", "employee", "workers", "personnel"],
  ["chip", "chips", "silicon", "processor", "processors", "accelerators"],
  ["believe", "believes", "believed", "think", "thinks", "view", "views", "opinion", "stance", "feel", "feels"],
  ["customer", "customers", "client", "clients", "adopters", "buyers"],
  ["immediate", "immediately", "upfront", "up front", "right away"],
  ["contingent", "conditional", "depends", "depending", "tied"],
  ["invest", "invests", "invested", "investing", "investment", "investments", "put into", "putting into", "puts into", "put in", "putting in", "pour", "pours", "pouring", "poured", "pump", "pumping", "bankroll", "bankrolling"],
  ["report", "reports", "reported", "reporting", "broke the story", "broke the news", "break the story", "scoop"],
  ["capacity", "compute", "computing"],
  ["datacenter", "data center", "data centers", "data centre", "data centres", "datacenters"],
  ["need", "needs", "needed", "want", "wants", "demand", "require", "requires", "required"],
  ["gw", "gigawatt", "gigawatts"],
  ["ipo", "public listing", "go public", "going public", "listing", "listed"],
  ["allow", "allowed", "allows", "allowing", "permit", "permits", "permitted", "entitled", "right to"],
  ["breach", "breaches", "breached", "breaching", "break", "breaks", "broke", "broken", "breaking", "violate", "violates", "violated", "violating", "violation", "violations", "infringe", "infringes", "contravene", "contravenes"],
  ["regulator", "regulators", "regulatory", "regulation", "regulations", "regulate", "regulated", "watchdog", "watchdogs"],
  ["pay", "pays", "paid", "paying", "payment", "payments"],
  ["concern", "concerns", "concerned", "upset", "angry", "unhappy", "mad", "worried", "worry", "worries", "complaint", "complaints", "objection", "objections"],
  ["talks", "talk", "talking", "negotiate", "negotiates", "negotiating", "negotiation", "negotiations", "discussions", "discussion", "discussing"],
  ["secure", "secured", "secures", "receive", "receives", "received", "obtain", "obtained", "gain", "gained", "gains"],
  ["agreement", "agreements", "contract", "contracts", "deal", "deals", "partnership", "partnerships", "arrangement", "arrangements", "pact", "alliance"],
  ["expect", "expects", "expected", "expecting", "forecast", "forecasts", "forecasting", "predict", "predicts", "predicted", "anticipate", "anticipates", "projecting", "projected", "projection", "projections"],
  ["usd", "dollar", "dollars", "billion", "billions", "million", "millions", "bucks", "money", "cash"],
  ["generate", "generates", "generated", "generating", "bring in", "brings in", "brought in", "bringing in", "rake in", "rakes in", "raked in", "make money", "makes money", "made money", "making money", "earn", "earns", "earned", "earning"],
  ["combined", "put together", "all together", "altogether", "in total"],
];
