/** English function words and question fillers that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about  after again against all also am an and any are aren as at be because been before being 
  between both but by can cannot could couldn did didn do does doesn doing don  during each few for from
  further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it
  its itself just let me more most mustn my myself no nor not of  on once only or other ought our ours
  ourselves   own same shan she should shouldn so some such than that the their theirs them themselves
  then there these they this those through to too  until  very was wasn we were weren what whats when
  where which while who whom whose why will with won would wouldn you your yours yourself yourselves
  s t d ll m re ve y
  tell told say says said saying know knows think thinks thought please pls plz hey hi hello ok okay
  u ur r ya yeah yes lol btw tldr tl dr anyone anybody someone something anything thing things stuff
  much many big large huge small kind sort type exactly actually really basically currently right now
  going gonna wanna gotta get got happen happens happened happening latest news update updates
  explain mean means meant like give show find look
  thru tho bc cuz abt wrt info size amount total number figure date dates day exact details detail
  go goes going went gone first
  timeline timing schedule b c e f g h j k l n o p q v w x z
  even out up off over down away back around ever else again whole entire bunch lot lots
  nah yep yup nope huh eh wow cool sure maybe perhaps probably guess anyway anyways though although
  gonna gotta wanna kinda sorta lemme gimme dunno tryna y'all yall
  might must shall
  via per onto upon toward towards among amid along within
  gets getting gotten put puts putting gives giving
  stuff thingy whatever whoever whatnot etc`.split(/\s+/).filter(Boolean),
);
