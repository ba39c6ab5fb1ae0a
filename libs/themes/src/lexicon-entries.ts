// Bilingual lexicon for the municipal and participatory-budgeting domain, written for Razgovor.
// One concept an entry: `id: Bulgarian lemmas and phrases / English lemmas and phrases`; an
// indented line continues the entry above it.
// Near-synonyms share a concept on purpose: a theme is a subject, not a word sense.
// Lemmas are enough: both sides go through the same ending-stripping key (see lexicon.ts);
// irregular forms are listed beside the lemma.
export const LEXICON_ENTRIES = `
park: парк, паркове, градина, градинка, зелена площ, зелени площи, зеленина / park, garden,
  green space, green area, greenery
tree: дърво, дървета, дръвче, дръвчета, залесяване, засаждане / tree, trees, planting, afforestation
grass: трева, тревна площ, морава, поляна / grass, lawn, meadow
flower: цвете, цветя, цветна леха, леха / flower, flowers, flower bed
bush: храст, храсти, жив плет / bush, bushes, shrub, hedge
shade: сянка, сенки, засенчване / shade, shadow
bench: пейка, пейки / bench, benches, seat, seating
fountain: фонтан, чешма, чешмичка, питейна вода / fountain, drinking fountain, drinking water
gazebo: беседка, навес / gazebo, pavilion, shelter
playground: детска площадка, детски площадки, площадка за игра, площадка / playground, play area,
  play ground
swing: люлка, люлки, люлеене / swing, swings
slide: пързалка, пързалки / slide, slides
sandpit: пясъчник, пясък / sandpit, sandbox, sand
climbing: катерушка, катерушки, катерене / climbing frame, climber, climbing
child: дете, деца, детски, детето, децата, дечица, малчугани / child, children, kid, kids, toddler
parent: родител, родители, майка, майки, баща, семейство, семейства / parent, parents, mother, mum,
  family, families
baby: бебе, бебета, количка, колички / baby, babies, stroller, pram, buggy
school: училище, училища, училищен, гимназия / school, schools, schoolyard, high school
kindergarten: детска градина, детски градини, ясла, ясли, забавачка / kindergarten, nursery,
  preschool, daycare
student: ученик, ученици, ученичка, студент / pupil, pupils, student
teacher: учител, учители, учителка, преподавател / teacher, teachers
classroom: класна стая, класни стаи, кабинет, клас / classroom, classrooms, class
education: образование, обучение, учене / education, learning, teaching
schoolyard: училищен двор, двор / schoolyard, yard, courtyard
gym: физкултурен салон, физкултурен, спортна зала, салон / gym, gymnasium, sports hall
sport: спорт, спортен, спортни, спортуване / sport, sports, exercise
fitness: фитнес, фитнес на открито, уреди за фитнес, уреди / fitness, outdoor gym,
  exercise equipment, equipment
field: игрище, игрища, спортна площадка, терен / pitch, sports field, court, field
football: футбол, футболно игрище / football, soccer
basketball: баскетбол, баскетболно игрище / basketball
stadium: стадион, стадиони / stadium, arena
pool: басейн, басейни, плуване / swimming pool, pool, swimming
track: писта, пътека за бягане, бягане / running track, track, running, jogging
skate: скейт, скейтпарк, скейт парк, ролери / skatepark, skate park, skateboard, skating
bike_lane: велоалея, велоалеи, велосипедна алея, велосипедна алеи, вело алея, велоалеята
  / bike lane, bike lanes, bike path, cycle lane, cycle path, cycleway
bicycle: велосипед, велосипеди, колело, колела, колоездене, колоездач, колоездачи, велосипедист,
  велосипедисти / bicycle, bike, bikes, cycling, cyclist, cyclists
bike_parking: велостойка, велостойки, стойка за велосипеди / bike rack, bike racks, bike parking
bike_sharing: споделени велосипеди, велосипеди под наем / bike sharing, bike share, shared bikes,
  rental bikes
scooter: тротинетка, тротинетки, електрическа тротинетка / scooter, scooters, e-scooter
pedestrian: пешеходец, пешеходци, пешеходен, пеша, ходене / pedestrian, pedestrians, walking, walk
sidewalk: тротоар, тротоари, тротоарът / sidewalk, sidewalks, pavement, footpath
crossing: пешеходна пътека, пешеходни пътеки, пресичане, зебра / crosswalk, pedestrian crossing,
  zebra crossing, crossing
road: път, пътища, пътя, улица, улици, булевард, платно, пътна настилка / road, roads, street,
  streets, boulevard, avenue
pothole: дупка, дупки, пропадане / pothole, potholes, hole, holes
asphalt: асфалт, асфалтиране, настилка, павета / asphalt, paving, pavement surface, tarmac,
  cobblestones, resurfacing
repair: ремонт, ремонти, ремонтиране, поправка, обновяване, реконструкция, рехабилитация / repair,
  repairs, fix, renovation, reconstruction, rehabilitation, refurbishment
maintenance: поддръжка, поддържане, стопанисване / maintenance, upkeep
traffic: трафик, задръстване, задръствания, движение, натоварено / traffic, traffic jam, congestion,
  gridlock
traffic_light: светофар, светофари / traffic light, traffic lights, signal
speed: скорост, превишена скорост, бързо каране, легнал полицай, легнали полицаи / speed, speeding,
  speed bump, speed bumps, traffic calming
car: кола, коли, автомобил, автомобили, шофьор, шофьори, водач / car, cars, vehicle, vehicles,
  driver, drivers
parking: паркинг, паркинги, паркиране, паркоместа, паркомясто, паркинг места / parking, car park,
  parking lot, parking space, parking spaces, parking places
garage: гараж, гаражи, многоетажен паркинг, подземен паркинг / garage, garages, parking garage,
  multi-storey car park
blue_zone: синя зона, зелена зона, платено паркиране / blue zone, paid parking, parking fee,
  parking zone
charging: зарядна станция, зарядни станции, зарядна, зареждане / charging station,
  charging stations, charger, charging
public_transport: градски транспорт, обществен транспорт, транспорт / public transport,
  public transit, transit, transport, transportation
bus: автобус, автобуси, автобусна линия / bus, buses, bus line, bus route
tram: трамвай, трамваи, трамвайна линия / tram, trams, tramway, streetcar
trolleybus: тролей, тролейбус, тролейбуси / trolleybus, trolley bus, trolley
metro: метро, метростанция, метростанции, подземна железница / metro, subway, underground,
  metro station
stop: спирка, спирки, спирката / bus stop, tram stop, stop, stops
line: линия, линии, маршрут, маршрути / line, lines, route, routes
schedule: разписание, разписания, интервал, интервали, честота, закъснение, закъснения / timetable,
  schedule, frequency, interval, delay, delays, late
ticket: билет, билети, карта за пътуване, абонаментна карта, валидиране / ticket, tickets, fare,
  pass, travel card
taxi: такси, таксита / taxi, taxis, cab
train: влак, влакове, гара / train, trains, railway station, railway
bridge: мост, мостове, надлез / bridge, bridges, overpass
underpass: подлез, подлези / underpass, subway passage, pedestrian tunnel
tunnel: тунел, тунели / tunnel, tunnels
lighting: осветление, улично осветление, лампа, лампи, улични лампи, фенер, осветен, тъмно, тъмнина
  / lighting, street lighting, light, lights, street light, street lights, lamp, lamps, dark,
  darkness
safety: безопасност, безопасен, опасно, опасен, сигурност, риск / safety, safe, dangerous, danger,
  security, risk, unsafe
camera: камера, камери, видеонаблюдение / camera, cameras, cctv, video surveillance
police: полиция, полицаи, полицай, патрул / police, policeman, patrol
crime: престъпност, кражба, кражби, хулигани / crime, theft, thefts, vandals, hooligans
vandalism: вандализъм, вандали, графити, надписи, посегателство / vandalism, graffiti, tags
noise: шум, шумно, шумен, тишина / noise, noisy, loud, quiet
dog: куче, кучета, кучешка площадка, площадка за кучета / dog, dogs, dog park, dog area, dog run
stray: бездомни кучета, бездомни, безстопанствени, улични кучета / stray dogs, strays, stray
animal: животно, животни, котка, котки, птици, птица / animal, animals, cat, cats, birds, bird,
  wildlife
garbage: боклук, боклуци, отпадък, отпадъци, сметосъбиране, смет, отпадъци / garbage, rubbish,
  trash, waste, litter, refuse
bin: кош, кошче, кошчета, кофа, кофи, кофи за боклук, контейнер, контейнери, кошове / bin, bins,
  trash can, trash cans, litter bin, container, containers, dumpster, dumpsters
recycling: рециклиране, разделно събиране, разделно, рециклируеми / recycling, recycle,
  separate collection, sorting
compost: компост, компостиране, биоразградими / compost, composting, organic waste
cleaning: почистване, чистота, чисто, мръсно, мръсотия, метене, миене / cleaning, cleanliness,
  clean, dirty, dirt, sweeping, street cleaning
air: въздух, замърсяване на въздуха, качество на въздуха, смог, прах, фини прахови частици / air,
  air pollution, air quality, smog, dust, particulate matter
pollution: замърсяване, замърсен, емисии / pollution, polluted, emissions
heating: отопление, парно, дърва, печки / heating, heat, stoves, wood burning
climate: климат, климатични, жега, горещини, затопляне / climate, heatwave, heat wave, warming
water: вода, водопровод, водоснабдяване, течове / water, water supply, water pipes, leaks
sewer: канализация, шахта, шахти, отводняване / sewer, sewage, drainage, manhole, drains
flood: наводнение, наводнения, локви, локва, дъжд / flood, flooding, puddles, puddle, rain
river: река, реки, коритото на реката, брегове / river, rivers, riverbank, river bank
lake: езеро, езера, водоем / lake, lakes, pond, ponds
forest: гора, гори, горски / forest, forests, woods, woodland
mountain: планина, витоша, хижа / mountain, mountains, vitosha, hut
library: библиотека, библиотеки, читалище, читалища, книги / library, libraries, community library,
  books
culture: култура, културен, културни, изкуство, изкуства / culture, cultural, art, arts
museum: музей, музеи, галерия, галерии, изложба / museum, museums, gallery, galleries, exhibition
theatre: театър, театри, кино, кина / theatre, theater, cinema, movies
concert: концерт, концерти, музика, сцена / concert, concerts, music, stage
festival: фестивал, фестивали, събитие, събития, празник / festival, festivals, event, events,
  celebration
monument: паметник, паметници, наследство, исторически / monument, monuments, heritage, historic,
  historical
tourism: туризъм, туристи, туристически / tourism, tourists, tourist
elderly: възрастни хора, възрастни, пенсионер, пенсионери, старите хора / elderly, elderly people,
  seniors, senior citizens, pensioners, older people
disabled: хора с увреждания, увреждания, инвалидна количка, инвалидни колички, незрящи / disabled,
  disability, disabilities, wheelchair, wheelchairs, blind
accessibility: достъпност, достъпен, рампа, рампи, асансьор, асансьори / accessibility, accessible,
  ramp, ramps, lift, elevator, elevators
hospital: болница, болници, поликлиника, медицински център / hospital, hospitals, clinic, clinics,
  medical centre
health: здраве, здравеопазване, лекар, лекари / health, healthcare, doctor, doctors
budget: бюджет, бюджета, бюджетът, пари, средства, финансиране, разходи, струва / budget, money,
  funds, funding, spending, costs, cost
participatory: гражданско участие, участие, партиципативен, граждански бюджет / participation,
  participatory, civic participation, participatory budget
project: проект, проекти, предложение, предложения, идея, идеи / project, projects, proposal,
  proposals, idea, ideas
vote: глас, гласуване, гласувам, гласове, анкета / vote, voting, votes, poll, ballot
citizen: гражданин, граждани, жители, живущи, хора, общественост / citizen, citizens, residents,
  people, public, community
neighbourhood: квартал, квартали, кварталът, жилищен комплекс, комплекс / neighbourhood,
  neighborhood, neighbourhoods, district, estate, housing estate
district: район, райони, районът / borough, area, ward
municipality: община, общината, столична община, общински / municipality, city council, council,
  local government, municipal
mayor: кмет, кметът, кметство, кметица / mayor, town hall, city hall
tax: данък, данъци, такса, такси, такса смет / tax, taxes, fee, fees
housing: жилище, жилища, жилищен, социални жилища, наем, наеми / housing, homes, home,
  social housing, rent
building: сграда, сгради, блок, блокове, панелен блок, вход, входове, кооперация / building,
  buildings, block of flats, apartment block, apartment blocks, entrance
facade: фасада, фасади, покрив, покриви / facade, facades, roof, roofs
energy: енергия, енергийна ефективност, саниране, изолация, топлоизолация / energy,
  energy efficiency, insulation, retrofit
solar: слънчеви панели, соларни панели, фотоволтаици, соларни / solar panels, solar, photovoltaic,
  renewable
wifi: интернет, безплатен интернет, wifi, уайфай, безжичен интернет / wifi, free wifi, internet,
  wireless internet
toilet: тоалетна, тоалетни, обществени тоалетни / toilet, toilets, public toilets, restroom,
  restrooms
market: пазар, пазари, пазарче, сергии, сергия / market, markets, farmers market, stalls
shop: магазин, магазини, търговия, търговци / shop, shops, store, stores, retail
cafe: кафене, кафенета, заведение, заведения, ресторант / cafe, cafes, restaurant, restaurants, bar
business: бизнес, фирма, фирми, предприемачи / business, businesses, company, companies,
  entrepreneurs
job: работа, работни места, заетост, безработица / job, jobs, employment, work, unemployment
youth: младежи, младите, младежки, тийнейджъри / youth, young people, teenagers, teens
community_centre: обществен център, общностен център, клуб, клубове / community centre,
  community center, club, clubs, social centre
volunteer: доброволец, доброволци, доброволчество, дарение, дарения / volunteer, volunteers,
  volunteering, donation, donations
square: площад, площади, площадът / square, squares, plaza, piazza
centre: център, центъра, центърът, градски център, централна част / centre, center, city centre,
  downtown
fence: ограда, огради, оградата / fence, fences, fencing, railing, railings
wall: стена, стени, зид / wall, walls
construction: строителство, строеж, строежи, застрояване, застройка / construction, building works,
  development, developers
sign: табела, табели, знак, знаци, маркировка / sign, signs, signage, road markings, marking
shelter: заслон, заслони, козирка / bus shelter, shelters
map: карта, карти, навигация, указатели / map, maps, wayfinding
app: приложение, мобилно приложение, сайт, онлайн / app, mobile app, website, online
information: информация, информиране, прозрачност, отчет / information, transparency, report,
  accountability
time: време, часове, вечер, нощ, сутрин / time, hours, evening, night, morning
summer: лято, летен, лятото / summer
winter: зима, зимно, сняг, снегопочистване, лед / winter, snow, snow removal, snow clearing, ice,
  gritting
cemetery: гробище, гробища, гробищен парк / cemetery, cemeteries, graveyard
church: църква, църкви, храм / church, churches, temple
beach: плаж, плажове, море / beach, beaches, sea, seaside
picnic: пикник, пикници, барбекю, скара / picnic, picnics, barbecue, bbq
walkway: алея, алеи, алеята, пътечка, пътечки / path, paths, walkway, walkways, alley, alleys, lane
garden_urban: градско земеделие, градска градина, общностна градина, зеленчуци / urban farming,
  community garden, allotment, allotments, vegetables
insect: комари, кърлежи, пръскане, насекоми / mosquitoes, mosquito, ticks, spraying, insects
allergy: алергия, алергии, амброзия, полени / allergy, allergies, ragweed, pollen
mobility: мобилност, придвижване, достъп, свързаност / mobility, getting around, access,
  connectivity
distance: далеч, близо, разстояние, километър, километри / far, near, close, distance, kilometre,
  kilometers
entrance: входна врата, врата, домофон / door, doors, intercom
staircase: стълби, стълбище, стъпала / stairs, staircase, steps
digital: дигитален, дигитализация, електронни услуги, електронни / digital, digitalisation,
  e-services, electronic
administration: администрация, чиновници, служители, услуги, гише / administration, officials,
  staff, services, counter
corruption: корупция, злоупотреба, злоупотреби, обществени поръчки / corruption, abuse, procurement,
  tender
`;
