import type { DemoBilingual } from '../demo-conversation.types';

// Title, description and background material of the Sofia demo conversation (Markdown).

export const sofiaTitle: DemoBilingual = {
  bg: 'Как София да прави партиципативен бюджет?',
  en: 'How should Sofia run participatory budgeting?',
};

export const sofiaDescription: DemoBilingual = {
  bg: `София се подготвя за първия си пилотен **партиципативен бюджет**: 1,5 милиона лева, за които
жителите сами ще предлагат и гласуват проекти. Преди да започне подаването на проекти, трябва да
се решат правилата – и искаме те да бъдат написани заедно с вас.

В продължение на четири седмици ще обсъждаме шест въпроса: колко пари да има и как да растат,
кой може да предлага, как да гласуваме, как да се разпределят парите между районите, какви
проекти искате да видите и как да следим изпълнението. Можете да пишете в коя да е тема, да
отговаряте на други участници и да отбелязвате съгласие или несъгласие.

**Няколко правила:**

- Пишете на български или на английски; и на латиница е напълно наред.
- Критикувайте идеи, не хора. Несъгласието е добре дошло, обидите – не.
- Не публикувайте лични данни – свои или чужди (телефони, адреси, ЕГН).
- Фасилитаторите могат да задават уточняващи въпроси и да обобщават темите, но не решават кой е
  прав.

В края на разговора ще публикуваме доклад с основните теми и предложения и ще го предадем на
Столична община.`,
  en: `Sofia is preparing its first pilot **participatory budget**: 1.5 million leva for which
residents themselves will propose and vote on projects. Before the call for projects opens, the
rules have to be decided – and we want to write them together with you.

Over four weeks we will discuss six questions: how much money there should be and how it should
grow, who may propose, how we vote, how to split the money between districts, which projects you
would like to see, and how to follow implementation. You can write in any topic, reply to other
participants and mark that you agree or disagree.

**A few rules:**

- Write in Bulgarian or English; Bulgarian in Latin letters is perfectly fine too.
- Criticise ideas, not people. Disagreement is welcome, insults are not.
- Do not post personal data – your own or anyone else's (phone numbers, addresses, ID numbers).
- Facilitators may ask clarifying questions and summarise topics, but they do not decide who is
  right.

At the end of the conversation we will publish a report with the main themes and proposals and
hand it over to Sofia Municipality.`,
};

export const sofiaBackground: DemoBilingual = {
  bg: `## Какво е партиципативен бюджет?

Партиципативният (граждански) бюджет е начин жителите на един град пряко да решават за какво да
се похарчи част от общинския бюджет. Обикновено процесът има няколко стъпки:

1. **Правила.** Общината, често заедно с граждани, определя сумата, кой може да участва и какви
   проекти са допустими.
2. **Предложения.** Жители, а понякога и организации, описват идеи за своя квартал или за целия
   град.
3. **Оценка.** Общинските експерти проверяват дали всяко предложение е законно, технически
   възможно и в рамките на бюджета, и публикуват причините, когато отхвърлят някое.
4. **Гласуване.** Жителите избират проектите, които искат да бъдат изпълнени.
5. **Изпълнение и отчет.** Общината изгражда спечелилите проекти и отчита докъде е стигнала.

Партиципативният бюджет не замества общинския съвет и кмета. Той им дава пряка информация какво
искат хората и създава доверие, когато обещанията се изпълняват.

## Откъде идва идеята

Идеята се ражда в бразилския град **Порто Алегре** през 1989 г. Новата градска управа започва да
кани жителите на събрания по квартали и по теми, на които те определят приоритетите за част от
инвестициите на града и избират свои представители, които следят процеса. Опитът се разпространява
из Бразилия, а след това – в Латинска Америка, Европа и по света.

## Как го правят други европейски градове

- **Париж** от 2014 г. дава на жителите да решават за част от инвестиционния бюджет на града.
  Парижани предлагат идеи, градските служби проверяват изпълнимостта им, а гласуването е онлайн и
  във физически пунктове. Участието е отворено за живущите независимо от гражданството им, а децата
  участват чрез училищата.
- **Лисабон** провежда партиципативен бюджет от 2008 г. и е сред първите европейски столици, в
  които предложенията и гласуването минават в голяма степен онлайн, допълнени от срещи на живо.
- **Мадрид** създаде платформата „Decide Madrid“ на основата на отворения софтуер CONSUL, който
  след това е използван от много градове по света за предложения и гласуване.
- **Тарту** в Естония провежда граждански бюджет от 2013 г. Гласуването е основно електронно, с
  националната електронна идентичност, а младите хора могат да участват от по-ранна възраст от
  тази за изборите.
- **Гданск** има граждански бюджет от 2014 г. и разделя средствата между проекти за отделните
  квартали и общоградски проекти. В Полша законът от 2018 г. задължава по-големите градове да
  провеждат граждански бюджет.

Всеки град пише свои правила – за сумата, за възрастта на гласуващите, за начина на проверка на
самоличността, за разпределението между районите. Затова и София трябва да избере своите.

## Как ще бъде използван този разговор

- **Фасилитаторите** следят дискусията, задават уточняващи въпроси и публикуват обобщение на
  всяка тема. Обобщенията могат да се коментират и поправят.
- **Анализаторите** групират всички коментари в теми – на български, на английски и на латиница –
  и публикуват доклад с основните изводи, с примерни цитати и с това доколко хората са съгласни
  помежду си.
- **Столична община** получава доклада и на негова основа решава правилата на пилотния
  партиципативен бюджет от 1,5 милиона лева. Докладът остава публичен, за да може всеки да
  сравни правилата с казаното тук.`,
  en: `## What is participatory budgeting?

Participatory budgeting (PB) is a way for the residents of a city to decide directly how part of
the municipal budget is spent. The process usually has several steps:

1. **Rules.** The municipality, often together with residents, sets the amount, who may take part
   and which projects are eligible.
2. **Proposals.** Residents, and sometimes organisations, describe ideas for their neighbourhood
   or for the whole city.
3. **Review.** Municipal experts check whether each proposal is legal, technically feasible and
   within budget, and publish their reasons when they reject one.
4. **Vote.** Residents choose the projects they want to see built.
5. **Implementation and reporting.** The municipality delivers the winning projects and reports
   on its progress.

PB does not replace the city council or the mayor. It gives them direct information about what
people want, and it builds trust when promises are kept.

## Where the idea comes from

The idea was born in the Brazilian city of **Porto Alegre** in 1989. The new city administration
began inviting residents to neighbourhood and thematic assemblies where they set priorities for
part of the city's investments and elected their own delegates to follow the process. The
practice spread across Brazil, then to the rest of Latin America, Europe and the world.

## How other European cities do it

- **Paris** has let residents decide on part of the city's investment budget since 2014.
  Parisians propose ideas, city services check their feasibility, and voting takes place online
  and at physical voting points. Residents can take part regardless of nationality, and children
  take part through their schools.
- **Lisbon** has run participatory budgeting since 2008 and was among the first European capitals
  where proposals and voting happen largely online, complemented by meetings in person.
- **Madrid** created the "Decide Madrid" platform on the open-source software CONSUL, which has
  since been used by many cities around the world for proposals and voting.
- **Tartu** in Estonia has run a participatory budget since 2013. Voting is mainly electronic,
  using the national digital identity, and young people may take part from an earlier age than in
  elections.
- **Gdańsk** has had a civic budget since 2014 and splits the money between projects for
  individual districts and city-wide projects. In Poland, a 2018 law requires larger cities to run
  civic budgets.

Every city writes its own rules – on the amount, the voting age, how identity is checked, how the
money is split between districts. That is why Sofia needs to choose its own.

## How this conversation will be used

- **Facilitators** follow the discussion, ask clarifying questions and publish a summary of each
  topic. Summaries can be commented on and corrected.
- **Analysts** group all comments into themes – in Bulgarian, in English and in Latin-typed
  Bulgarian – and publish an insight report with the main findings, example quotes and how far
  people agree with each other.
- **Sofia Municipality** receives the report and uses it to decide the rules of the 1.5 million
  leva participatory budgeting pilot. The report stays public, so that anyone can compare the
  rules with what was said here.`,
};
