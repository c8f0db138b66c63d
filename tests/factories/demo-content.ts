/**
 * The French demo: believable proposals across the 21 quartiers and the 12 ambitions, written as
 * residents write (no lorem ipsum). Used by the demo seed and, as sentence material, by the scale seed.
 */
export type DemoProposal = {
  title: string;
  body: string;
  ambition: number;
  quartier: string;
  place?: string;
  axes?: string[];
  /** Supports to give it in the demo (a few cross their ambition's threshold of 25). */
  supports: number;
  status?: "draft" | "withdrawn";
};

export const DEMO_PROPOSALS: DemoProposal[] = [
  { ambition: 8, quartier: "QP062024", supports: 31, place: "Rue de Londres, devant l'école Jean-Macé", title: "Des bancs et de l'ombre devant l'école Jean-Macé", body: "À la sortie de l'école, les parents et les grands-parents attendent debout, en plein soleil l'été. Quelques bancs et deux ou trois arbres changeraient la vie de tout le monde.\n\nOn pourrait aussi en profiter pour sécuriser le passage piéton, où les voitures roulent vite." },
  { ambition: 9, quartier: "QP062002", supports: 0, status: "withdrawn", title: "Une laverie solidaire à la cité Camus", body: "Beaucoup de familles n'ont pas de machine à laver. Une laverie à prix réduit, tenue par une association d'insertion, rendrait service et créerait de l'emploi.\n\n(Retirée : une laverie associative ouvre déjà à deux rues d'ici.)" },
  { ambition: 7, quartier: "QP062024", supports: 0, status: "draft", title: "Un dépistage de la vue et des dents à l'école", body: "Brouillon : des dépistages réguliers à l'école permettraient de repérer tôt les enfants qui ont besoin de lunettes ou de soins dentaires." },
  { ambition: 8, quartier: "QP062025", supports: 12, title: "Réparer l'éclairage des allées de la Grande Résidence", body: "Depuis l'hiver, plusieurs lampadaires sont éteints entre les bâtiments. Le soir, les personnes âgées n'osent plus sortir et les enfants rentrent dans le noir.\n\nNous demandons un état des lieux avec le bailleur et la ville, et un calendrier de réparation affiché dans les halls." },
  { ambition: 8, quartier: "QP062028", supports: 27, axes: ["transition_ecologique"], title: "Un jardin partagé sur le terrain vague de la rue Bollaert", body: "Le terrain vide derrière les garages pourrait devenir un jardin partagé : des bacs pour les légumes, un composteur, un coin pour les enfants.\n\nPlusieurs voisins sont prêts à s'en occuper. Il faudrait l'accord du propriétaire, un point d'eau et un peu de terre pour commencer." },
  { ambition: 6, quartier: "QP062019", supports: 18, title: "Une aide aux devoirs le mercredi à la maison de quartier", body: "Beaucoup de parents ne peuvent pas aider leurs enfants pour les devoirs, par manque de temps ou parce qu'ils ne maîtrisent pas bien le français.\n\nUn accompagnement le mercredi après-midi, avec des bénévoles et des étudiants, aiderait les élèves du primaire et du collège." },
  { ambition: 6, quartier: "QP062033", supports: 9, title: "Faire découvrir les métiers aux collégiens des Blanches Laines", body: "Les jeunes du quartier connaissent peu de métiers. Des visites d'entreprises et des rencontres avec des professionnels du coin, dès la quatrième, leur ouvriraient des portes pour l'orientation et les stages." },
  { ambition: 10, quartier: "QP062029", supports: 26, title: "Une permanence emploi au pied des immeubles des Hauts de Liévin", body: "Aller à l'agence pour l'emploi prend du temps et beaucoup se découragent. Une permanence une fois par semaine dans le quartier, avec un conseiller, permettrait de faire un CV, de chercher des offres et de préparer un entretien.\n\nLe local de l'association pourrait l'accueillir." },
  { ambition: 10, quartier: "QP062030", supports: 7, title: "Des ateliers pour passer le permis de conduire à moindre coût", body: "Sans permis, beaucoup d'offres d'emploi sont hors de portée, surtout pour les horaires décalés. Un accompagnement au code et des heures de conduite aidées, avec l'auto-école sociale, lèveraient ce frein." },
  { ambition: 7, quartier: "QP062021", supports: 29, title: "Un médecin qui vienne une fois par semaine dans la cité du Transvaal", body: "Le médecin le plus proche ne prend plus de nouveaux patients. Les personnes âgées et les familles sans voiture renoncent à se soigner.\n\nUne consultation hebdomadaire dans une salle du quartier, ou un bus santé, serait une vraie aide." },
  { ambition: 7, quartier: "QP062032", supports: 4, title: "Des séances de sport santé pour les personnes en surpoids", body: "Marche, gym douce, aquagym : des séances encadrées et gratuites, proches de chez nous, pour reprendre une activité sans se sentir jugé. Avec un suivi par un éducateur sportif." },
  { ambition: 4, quartier: "QP062026", supports: 11, title: "Parler santé mentale sans tabou, au café des parents", body: "Le stress, l'isolement, la fatigue des parents : on en parle peu. Des rencontres régulières avec un psychologue ou une infirmière, autour d'un café, permettraient de briser la glace et de savoir où trouver de l'aide." },
  { ambition: 2, quartier: "QP062002", supports: 14, title: "Un réseau de voisins pour rendre visite aux personnes seules", body: "Dans la cité Camus, plusieurs personnes âgées vivent seules et ne voient presque personne. Un réseau de voisins volontaires, coordonné par le centre social, pourrait passer une fois par semaine, faire une course, discuter." },
  { ambition: 2, quartier: "QP062016", supports: 3, title: "Un repas partagé chaque mois à la salle de la Fosse 13", body: "Un repas où chacun apporte un plat, ouvert à tous, pour que les habitants se rencontrent et que les plus isolés sortent de chez eux. La salle existe déjà ; il manque un peu d'aide pour l'organisation." },
  { ambition: 3, quartier: "QP062022", supports: 26, title: "Une journée « vos droits » pour ne plus passer à côté des aides", body: "Beaucoup de familles ne demandent pas les aides auxquelles elles ont droit : elles ne les connaissent pas ou les démarches font peur. Une journée avec la CAF, le CCAS et la caisse d'assurance maladie, dans le quartier, avec des rendez-vous sur place." },
  { ambition: 3, quartier: "QP062031", supports: 6, title: "Un écrivain public à la mairie annexe", body: "Remplir un dossier, écrire un courrier, comprendre une lettre officielle : un écrivain public deux demi-journées par semaine aiderait beaucoup de monde aux 3 Cités." },
  { ambition: 9, quartier: "QP062023", supports: 27, title: "Des ateliers numériques pour faire ses démarches en ligne", body: "Tout passe par internet maintenant : impôts, CAF, rendez-vous médicaux. Des ateliers en petits groupes, avec des ordinateurs prêtés, pour apprendre pas à pas et gagner en autonomie.\n\nOn pourrait aussi récupérer des ordinateurs reconditionnés pour les familles." },
  { ambition: 9, quartier: "QP062034", supports: 5, axes: ["transition_ecologique"], title: "Une navette vers la zone commerciale et l'hôpital", body: "Le bus passe rarement et ne va pas jusqu'à l'hôpital. Une navette à la demande, deux fois par semaine, rendrait service aux personnes sans voiture, surtout les anciens." },
  { ambition: 5, quartier: "QP062027", supports: 28, title: "Des médiateurs le soir dans le quartier Sellier", body: "Le soir, des rassemblements devant les halls inquiètent les habitants. Des médiateurs présents en soirée, qui connaissent les jeunes et les familles, apaiseraient les tensions sans attendre que la situation dégénère." },
  { ambition: 5, quartier: "QP062035", supports: 8, title: "Un terrain de foot éclairé pour les jeunes des Taberneaux", body: "Les jeunes jouent sur le parking faute de mieux, ce qui crée des conflits avec les voisins. Un terrain éclairé jusqu'à 21 h, avec des créneaux encadrés par le club, leur donnerait un vrai lieu." },
  { ambition: 1, quartier: "QP062045", supports: 10, title: "Un lieu d'accueil parents-enfants pour les tout-petits", body: "Pour les mamans et papas de jeunes enfants, un lieu où jouer, rencontrer d'autres parents et parler avec une professionnelle de la petite enfance. Ça aide à repérer tôt les difficultés, sans jugement." },
  { ambition: 1, quartier: "QP062047", supports: 2, title: "Des ateliers d'éveil au langage à la bibliothèque", body: "Lire des histoires, chanter, jouer avec les mots : des ateliers pour les enfants de 2 à 5 ans et leurs parents, à la bibliothèque, pour préparer l'entrée à l'école." },
  { ambition: 11, quartier: "QP062020", supports: 13, title: "Une permanence des élus et des services une fois par mois à la cité des Brebis", body: "Les habitants ont du mal à joindre les bons interlocuteurs. Une permanence mensuelle, avec un élu, le bailleur et le centre social, permettrait de faire remonter les problèmes et d'avoir des réponses." },
  { ambition: 11, quartier: "QP062024", supports: 25, title: "Une boîte à idées du conseil citoyen dans chaque hall", body: "Tout le monde ne va pas sur internet ni aux réunions. Une boîte à idées dans chaque hall, relevée chaque mois par le conseil citoyen, et un affichage des réponses, pour que chacun puisse donner son avis." },
  { ambition: 12, quartier: "QP062028", supports: 5, title: "Que les associations du quartier se retrouvent deux fois par an", body: "Les associations de Calonne et des Marichelles se connaissent mal et se marchent parfois sur les pieds. Deux rencontres par an permettraient de partager les projets, les salles et le matériel." },
  { ambition: 12, quartier: "QP062025", supports: 1, title: "Former les gardiens d'immeuble à l'écoute et à l'orientation", body: "Les gardiens sont souvent les premiers à voir quand une famille va mal. Une formation courte pour savoir écouter et vers qui orienter (CCAS, assistante sociale, associations) serait utile." },
  { ambition: 8, quartier: "QP062019", supports: 33, axes: ["transition_ecologique"], title: "Isoler les logements de la cité 4 avant l'hiver", body: "Dans plusieurs logements, le chauffage tourne à fond et il fait toujours froid. Les factures explosent. Nous demandons un calendrier clair des travaux d'isolation annoncés dans le projet de renouvellement urbain." },
  { ambition: 8, quartier: "QP062026", supports: 0, title: "Plus de poubelles et un ramassage plus fréquent rue Saint-Édouard", body: "Les poubelles débordent le week-end et les dépôts sauvages se multiplient. Quelques conteneurs de plus et un passage le lundi matin régleraient une grande partie du problème." },
  { ambition: 6, quartier: "QP062029", supports: 3, title: "Une salle calme pour réviser le soir", body: "Dans les petits appartements, les lycéens n'ont pas d'endroit au calme pour travailler. Une salle d'étude ouverte de 17 h à 20 h, avec le wifi, dans un équipement du quartier." },
  { ambition: 10, quartier: "QP062022", supports: 4, title: "Un forum de l'emploi et de l'alternance à Grenay", body: "Réunir dans une même journée les entreprises qui recrutent, les organismes de formation et les jeunes du quartier, avec des entretiens sur place." },
  { ambition: 4, quartier: "QP062033", supports: 2, axes: ["transition_ecologique"], title: "Des ateliers cuisine pour manger mieux avec un petit budget", body: "Apprendre à cuisiner des repas simples, bons et pas chers, avec des produits de saison. Les enfants pourraient venir avec leurs parents le mercredi." },
];

/** First names and initials for demo residents: displayed as « Prénom I. » (data minimised, as residents would). */
export const DEMO_FIRST_NAMES = [
  "Nadia", "Karim", "Sylvie", "Claire", "Julien", "Fatima", "Kevin", "Céline", "Mohamed", "Laetitia", "Jordan", "Sandrine",
  "Yasmine", "Dylan", "Nathalie", "Samir", "Émilie", "Anthony", "Sabrina", "Thierry", "Aïcha", "Ludovic", "Isabelle", "Mehdi",
  "Justine", "Franck", "Sonia", "Mickaël", "Amandine", "Rachid", "Océane", "Pascal", "Inès", "Grégory", "Marion", "Bilal",
];

export const DEMO_CONTRIBUTIONS: { stance: "for" | "against" | "question" | "testimony" | null; body: string }[] = [
  { stance: "for", body: "Tout à fait d'accord, c'est un vrai besoin dans le quartier." },
  { stance: "testimony", body: "Chez nous, c'est pareil depuis des mois. Ma mère n'ose plus sortir le soir." },
  { stance: "question", body: "Est-ce qu'on sait qui serait responsable de l'entretien ensuite ?" },
  { stance: "for", body: "Je peux donner un coup de main le samedi matin si ça se fait." },
  { stance: "against", body: "L'idée est bonne, mais ce n'est pas l'endroit : il y a déjà beaucoup de passage à cet endroit." },
  { stance: "testimony", body: "Nous avions essayé quelque chose de semblable il y a trois ans avec le centre social, et ça avait bien marché." },
  { stance: "question", body: "Combien cela coûterait-il, à peu près ? Il faudrait le savoir avant le passage en GTP." },
  { stance: null, body: "Il faudrait en parler au prochain rendez-vous du Labo pour avoir plus d'avis." },
];
