import type { QualityCheckContent } from './schema';

/**
 * The QualitätsCheck content, version 2026-1. Plain JSON-compatible data: a new version replaces
 * this object (or arrives as JSON checked by `parseQualityCheckContent`) without a code change.
 * The ten criteria follow the headings of the Netzwerk Bürgerbeteiligung (2013); questions,
 * explanations and suggestions are our own wording. Question ids are stable: answers are stored
 * by id, so a question whose meaning changes gets a new id in the next version.
 */
export const qualityCheckContent2026_1: QualityCheckContent = {
  version: '2026-1',
  publishedOn: '2026-11-22',
  title: 'QualitätsCheck Beteiligung',
  introduction:
    'Mit diesem QualitätsCheck prüfen Sie Ihr geplantes Beteiligungsverfahren anhand von zehn Qualitätskriterien. Zuerst wählen Sie, aus welcher Sicht Sie antworten; danach folgt je Kriterium eine Seite mit wenigen Aussagen. Am Ende sehen Sie Stärken, Entwicklungsfelder mit Anregungen und die Fragen, die noch offen sind. Besonders aufschlussreich wird der Check, wenn Verwaltung, Zivilgesellschaft, Politik und Prozessgestaltende ihn jeweils für sich ausfüllen und die Ergebnisse anschließend gemeinsam besprechen.',
  disclaimer:
    'Der QualitätsCheck ist eine freiwillige Selbsteinschätzung zur Vorbereitung Ihres Vorhabens. Er gehört nicht zum Förderantrag und hat keinen Einfluss auf die Entscheidung der SAB als Bewilligungsbehörde.',
  source:
    'Die Gliederung folgt den zehn Qualitätskriterien Bürgerbeteiligung des Netzwerks Bürgerbeteiligung (2013). Aussagen, Erläuterungen und Anregungen sind eigene Formulierungen des Förderlotsen. Der „QualitätsCheck Beteiligung & Mitwirkung“ der Stiftung Mitarbeit ist ein eigenständiges Angebot.',
  thresholds: { strength: 75, weak: 50, divergence: 34 },
  criteria: [
    {
      id: 'dialogbereitschaft',
      title: 'Dialogbereitschaft und -fähigkeit',
      explanation:
        'Alle Seiten wollen miteinander ins Gespräch kommen und bringen die Fähigkeit mit, einander zuzuhören und Argumente fair abzuwägen.',
      questions: [
        {
          id: 'dialog-offen-fuer-argumente',
          text: 'Die Beteiligten sind bereit, ihre eigene Position zu überdenken, wenn im Gespräch überzeugende Gründe vorgebracht werden.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'dialog-auftrag-der-spitze',
          text: 'Verwaltungsspitze und Rat haben sichtbar gemacht, dass sie den Austausch mit der Einwohnerschaft ausdrücklich wünschen.',
          perspectives: ['verwaltung', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'dialog-moderation-kompetenz',
          text: 'Wer die Veranstaltungen leitet, kann auch bei Streit einen respektvollen und ergebnisoffenen Austausch sichern.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'dialog-zivilgesellschaft-offen',
          text: 'Vereine, Initiativen und engagierte Einwohnerinnen und Einwohner lassen sich auch auf Sichtweisen ein, die sie selbst nicht teilen.',
          perspectives: ['zivilgesellschaft', 'politik'],
        },
      ],
      suggestions: [
        {
          id: 'dialog-world-cafe',
          kind: 'format',
          formatId: 'world-cafe',
          text: 'Ein World Café zum Auftakt bringt unterschiedliche Gruppen zwanglos ins Gespräch und baut Berührungsängste ab.',
        },
        {
          id: 'dialog-mediation',
          kind: 'format',
          formatId: 'mediation',
          text: 'Wo sich Positionen schon verhärtet haben, hilft eine Mediation, wieder eine gemeinsame Gesprächsgrundlage zu finden.',
        },
        {
          id: 'dialog-moderation-budget',
          kind: 'ressourcen',
          text: 'Planen Sie Mittel für eine externe, allparteiliche Moderation ein; Honorare dafür können Sie im Ausgabenplan des Förderantrags ansetzen.',
        },
        {
          id: 'dialog-schulung',
          kind: 'sonstiges',
          text: 'Bieten Sie Mitarbeitenden der Verwaltung und Ratsmitgliedern vorab eine kurze Einführung in Gesprächsführung und Moderation an.',
        },
      ],
    },
    {
      id: 'ressourcen-ziele',
      title: 'Ressourcen und klare Ziel- und Rahmensetzung',
      explanation:
        'Das Vorhaben hat ein klar benanntes Ziel, bekannte Rahmenbedingungen und genug Geld, Personal und Zeit, um es ordentlich umzusetzen.',
      questions: [
        {
          id: 'ressourcen-ziel-benannt',
          text: 'Das Ziel des Beteiligungsverfahrens ist in wenigen Sätzen beschrieben und allen Beteiligten bekannt.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'ressourcen-budget-gesichert',
          text: 'Für Moderation, Öffentlichkeitsarbeit, Räume und Auswertung steht ein Budget bereit, das bis zum Ende des Verfahrens reicht.',
          perspectives: ['verwaltung', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'ressourcen-koordination',
          text: 'Eine Person ist mit der Koordination des Verfahrens beauftragt und hat dafür ausreichend Arbeitszeit.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'ressourcen-rahmen-bekannt',
          text: 'Es ist bekannt, welche rechtlichen, finanziellen und zeitlichen Grenzen für das Thema gelten.',
          perspectives: ['zivilgesellschaft', 'politik'],
        },
        {
          id: 'ressourcen-ehrenamt-unterstuetzt',
          text: 'Ehrenamtlich Mitwirkende werden unterstützt, etwa durch Auslagenersatz, Kinderbetreuung oder Termine außerhalb üblicher Arbeitszeiten.',
          perspectives: ['zivilgesellschaft', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'ressourcen-kostenuebersicht',
          kind: 'ressourcen',
          text: 'Stellen Sie zusammen, was das Verfahren an Personal, Honoraren, Räumen und Öffentlichkeitsarbeit kostet; die FRL Bürgerbeteiligung fördert bis zu 90 % der zuwendungsfähigen Ausgaben.',
        },
        {
          id: 'ressourcen-konzept-vorab',
          kind: 'zeitplanung',
          text: 'Halten Sie Ziel, Zeitrahmen und Entscheidungsweg in einem kurzen Beteiligungskonzept fest, bevor Sie öffentlich einladen.',
        },
        {
          id: 'ressourcen-zukunftswerkstatt',
          kind: 'format',
          formatId: 'zukunftswerkstatt',
          text: 'Eine Zukunftswerkstatt mit Verwaltung, Politik und Initiativen hilft, ein gemeinsames und erreichbares Ziel zu formulieren.',
        },
        {
          id: 'ressourcen-ebbs-beratung',
          kind: 'sonstiges',
          text: 'Nutzen Sie die kostenfreie Beratung des Erfahrungs- und Beratungsnetzwerks Bürgerbeteiligung Sachsen (EBBS), um Ziel, Umfang und Kosten zu schärfen.',
        },
      ],
    },
    {
      id: 'gestaltungsspielraum',
      title: 'Inhaltliche Gestaltungsspielräume',
      explanation:
        'Es gibt tatsächlich etwas zu entscheiden oder zu gestalten, und die Ergebnisse der Beteiligung können das Vorhaben noch verändern.',
      questions: [
        {
          id: 'spielraum-offene-fragen',
          text: 'Es ist klar benannt, welche Fragen noch offen sind und worüber die Beteiligten mitreden können.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'spielraum-nicht-vorentschieden',
          text: 'Über die wesentlichen Punkte ist noch nicht entschieden; die Beteiligung beginnt nicht erst, wenn alles feststeht.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'spielraum-grenzen-offen',
          text: 'Was nicht verhandelbar ist, etwa wegen der Rechtslage oder des Haushalts, wird von Anfang an offen gesagt.',
          perspectives: ['verwaltung', 'politik'],
        },
        {
          id: 'spielraum-eigene-vorschlaege',
          text: 'Die Beteiligten können eigene Vorschläge einbringen und müssen nicht nur zwischen vorgegebenen Varianten wählen.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'spielraum-open-space',
          kind: 'format',
          formatId: 'open-space',
          text: 'In einem Open Space bestimmen die Teilnehmenden selbst, welche Themen sie bearbeiten – das öffnet den Spielraum sichtbar.',
        },
        {
          id: 'spielraum-planning-for-real',
          kind: 'format',
          formatId: 'planning-for-real',
          text: 'Mit Planning for Real machen Anwohnende am Modell eigene Vorschläge, statt nur fertige Entwürfe zu kommentieren.',
        },
        {
          id: 'spielraum-frueh-beginnen',
          kind: 'zeitplanung',
          text: 'Beginnen Sie die Beteiligung, bevor Vorentscheidungen fallen, zum Beispiel vor dem Planungs- oder Vergabebeschluss.',
        },
        {
          id: 'spielraum-uebersicht',
          kind: 'sonstiges',
          text: 'Schreiben Sie auf, welche Punkte offen sind und welche nicht, und veröffentlichen Sie diese Übersicht zusammen mit der Einladung.',
        },
      ],
    },
    {
      id: 'augenhoehe',
      title: 'Dialog auf Augenhöhe',
      explanation:
        'Alle Mitwirkenden begegnen sich mit Respekt, haben Zugang zu denselben Informationen, und ihre Beiträge zählen gleich viel.',
      questions: [
        {
          id: 'augenhoehe-gleiche-informationen',
          text: 'Alle Mitwirkenden erhalten dieselben Informationen rechtzeitig und in verständlicher Sprache.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'augenhoehe-gewicht-der-beitraege',
          text: 'Beiträge von Einwohnerinnen und Einwohnern werden ebenso ernst genommen wie Stellungnahmen von Fachleuten oder Amtspersonen.',
          perspectives: ['zivilgesellschaft', 'prozessgestaltende'],
        },
        {
          id: 'augenhoehe-rolle-der-amtspersonen',
          text: 'Vertreterinnen und Vertreter von Verwaltung und Politik nehmen an Veranstaltungen als Gesprächspartner teil und geben das Ergebnis nicht vor.',
          perspectives: ['verwaltung', 'politik'],
        },
        {
          id: 'augenhoehe-faire-moderation',
          text: 'Die Moderation ist allparteilich und achtet darauf, dass Redezeit und Aufmerksamkeit fair verteilt sind.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'augenhoehe-runder-tisch',
          kind: 'format',
          formatId: 'runder-tisch',
          text: 'Ein Runder Tisch mit gemeinsam vereinbarten Gesprächsregeln gibt allen Interessen den gleichen Platz.',
        },
        {
          id: 'augenhoehe-buergerkonferenz',
          kind: 'format',
          formatId: 'konsensuskonferenz',
          text: 'In einer Bürgerkonferenz stellen Laien den Fachleuten die Fragen – das dreht das übliche Gefälle zwischen Fach- und Alltagswissen um.',
        },
        {
          id: 'augenhoehe-externe-moderation',
          kind: 'ressourcen',
          text: 'Beauftragen Sie eine externe Moderation, wenn die Verwaltung in der Sache selbst Partei ist.',
        },
        {
          id: 'augenhoehe-einfache-sprache',
          kind: 'sonstiges',
          text: 'Bereiten Sie die Unterlagen auch in einfacher Sprache auf und geben Sie sie allen Mitwirkenden vor dem ersten Termin.',
        },
      ],
    },
    {
      id: 'verbindlichkeit',
      title: 'Verbindlichkeit und Verlässlichkeit',
      explanation: 'Vorab ist festgelegt, was mit den Ergebnissen geschieht, und Zusagen an die Mitwirkenden werden eingehalten.',
      questions: [
        {
          id: 'verbindlich-umgang-mit-ergebnissen',
          text: 'Vor Beginn ist festgelegt und bekannt, wie mit den Ergebnissen der Beteiligung weiter verfahren wird.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'verbindlich-gremium-beraet',
          text: 'Der Rat oder das zuständige Gremium hat zugesagt, die Ergebnisse zu beraten und seine Entscheidung zu begründen.',
          perspectives: ['verwaltung', 'politik'],
        },
        {
          id: 'verbindlich-rueckmeldung',
          text: 'Die Mitwirkenden erfahren, welche ihrer Vorschläge übernommen wurden und warum andere nicht.',
          perspectives: ['zivilgesellschaft', 'prozessgestaltende'],
        },
        {
          id: 'verbindlich-zusagen-eingehalten',
          text: 'Termine, Zuständigkeiten und Zusagen aus dem Verfahren werden eingehalten, und Änderungen werden rechtzeitig erklärt.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'verbindlich-leitlinien',
          kind: 'format',
          formatId: 'beteiligungsleitlinien',
          text: 'Beteiligungsleitlinien oder eine Beteiligungssatzung regeln dauerhaft, wie die Kommune mit Ergebnissen von Beteiligung umgeht.',
        },
        {
          id: 'verbindlich-beratungstermin',
          kind: 'zeitplanung',
          text: 'Legen Sie den Sitzungstermin fest, an dem das Gremium die Ergebnisse berät, und nennen Sie ihn bereits in der Einladung.',
        },
        {
          id: 'verbindlich-rueckmeldung-zusagen',
          kind: 'sonstiges',
          text: 'Sagen Sie allen Mitwirkenden eine schriftliche Rückmeldung zu, wie entschieden wurde, und planen Sie dafür einen festen Zeitpunkt ein.',
        },
      ],
    },
    {
      id: 'prozessgestaltung',
      title: 'Gestaltung des Prozesses',
      explanation: 'Ablauf, Methoden und Zeitplan passen zum Ziel und zu den Menschen, die beteiligt werden sollen.',
      questions: [
        {
          id: 'prozess-formate-passend',
          text: 'Die gewählten Formate passen zum Ziel des Verfahrens und zur erwarteten Zahl und Zusammensetzung der Mitwirkenden.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'prozess-zeitplan-realistisch',
          text: 'Der Zeitplan lässt genug Raum zwischen den Schritten, damit sich Mitwirkende vorbereiten und Ergebnisse einfließen können.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'prozess-erfahrene-begleitung',
          text: 'Das Verfahren wird von Personen geplant und begleitet, die Erfahrung mit Beteiligung haben.',
          perspectives: ['verwaltung', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'prozess-ablauf-mitbestimmen',
          text: 'Die Mitwirkenden können den Ablauf mitbestimmen, etwa Themen ergänzen oder zusätzliche Termine anregen.',
          perspectives: ['zivilgesellschaft', 'politik'],
        },
        {
          id: 'prozess-mehrere-zugaenge',
          text: 'Es gibt mehrere Wege mitzuwirken, zum Beispiel vor Ort, schriftlich und online.',
          perspectives: ['zivilgesellschaft', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'prozess-online-ergaenzen',
          kind: 'format',
          formatId: 'online-beteiligung',
          text: 'Ergänzen Sie Termine vor Ort um eine Online-Beteiligung über das kostenlose Beteiligungsportal des Freistaates.',
        },
        {
          id: 'prozess-buergerwerkstatt',
          kind: 'format',
          formatId: 'buergerwerkstatt',
          text: 'Eine Bürgerwerkstatt in mehreren Runden gibt dem Verfahren eine klare Abfolge aus Ideensammlung, Ausarbeitung und Rückmeldung.',
        },
        {
          id: 'prozess-puffer',
          kind: 'zeitplanung',
          text: 'Rechnen Sie zwischen zwei Beteiligungsterminen mit einigen Wochen für Auswertung und Rückmeldung und meiden Sie Schulferien und Feiertage.',
        },
        {
          id: 'prozess-begleitung-honorar',
          kind: 'ressourcen',
          text: 'Holen Sie für die Planung eine erfahrene Prozessbegleitung hinzu; deren Honorar können Sie im Ausgabenplan ansetzen.',
        },
      ],
    },
    {
      id: 'transparenz',
      title: 'Transparenz',
      explanation: 'Ziel, Ablauf, Beteiligte, Zwischenstände und Entscheidungen sind für alle nachvollziehbar und öffentlich zugänglich.',
      questions: [
        {
          id: 'transparenz-ablauf-oeffentlich',
          text: 'Ziel, Ablauf und Zeitplan des Verfahrens sind öffentlich und leicht auffindbar beschrieben.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'transparenz-dokumentation',
          text: 'Zwischenergebnisse und Protokolle werden zeitnah dokumentiert und allen zugänglich gemacht.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'transparenz-entscheidung-begruendet',
          text: 'Es wird offen erklärt, wer am Ende entscheidet und aus welchen Gründen.',
          perspectives: ['zivilgesellschaft', 'politik'],
        },
        {
          id: 'transparenz-interessen-offen',
          text: 'Es ist offengelegt, wer das Verfahren finanziert, wer es durchführt und welche Interessen dabei eine Rolle spielen.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'transparenz-projektseite',
          kind: 'format',
          formatId: 'online-beteiligung',
          text: 'Richten Sie im Beteiligungsportal des Freistaates eine Projektseite ein, die Unterlagen, Termine und Ergebnisse an einem Ort bündelt.',
        },
        {
          id: 'transparenz-stadtteilforum',
          kind: 'format',
          formatId: 'stadtteilforum',
          text: 'Ein regelmäßiges Stadtteilforum berichtet öffentlich über den Stand und macht Entscheidungen nachvollziehbar.',
        },
        {
          id: 'transparenz-dokumentation-budget',
          kind: 'ressourcen',
          text: 'Planen Sie Arbeitszeit und Mittel für Dokumentation und Öffentlichkeitsarbeit ein, etwa für Fotoprotokolle, Aushänge und Druck.',
        },
        {
          id: 'transparenz-protokollfrist',
          kind: 'zeitplanung',
          text: 'Veröffentlichen Sie das Protokoll jedes Termins innerhalb von zwei Wochen und kündigen Sie diese Frist vorher an.',
        },
      ],
    },
    {
      id: 'mitwirkung-aller',
      title: 'Mitwirkung aller Betroffenen',
      explanation: 'Alle, die von dem Thema betroffen sind, können sich einbringen – auch Gruppen, die sonst selten gehört werden.',
      questions: [
        {
          id: 'mitwirkung-betroffene-ermittelt',
          text: 'Vorab wurde ermittelt, welche Gruppen vom Thema betroffen sind, und sie werden gezielt angesprochen.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'mitwirkung-zugangshuerden',
          text: 'Ort, Zeit, Sprache und Form der Angebote sind so gewählt, dass möglichst niemand ausgeschlossen wird.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'mitwirkung-selten-gehoerte',
          text: 'Menschen, die sich sonst selten einbringen, etwa Jugendliche, Ältere oder Menschen mit Einwanderungsgeschichte, werden aktiv eingeladen.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'mitwirkung-teilnahme-geprueft',
          text: 'Im Verlauf wird geprüft, wer tatsächlich teilnimmt, und bei Lücken wird nachgesteuert.',
          perspectives: ['verwaltung', 'politik'],
        },
      ],
      suggestions: [
        {
          id: 'mitwirkung-aktivierende-befragung',
          kind: 'format',
          formatId: 'aktivierende-befragung',
          text: 'Eine aktivierende Befragung an der Haustür oder im Quartier erreicht Menschen, die nicht zu Abendveranstaltungen kommen.',
        },
        {
          id: 'mitwirkung-buergerrat',
          kind: 'format',
          formatId: 'buergerrat',
          text: 'Ein Bürgerrat mit Losverfahren stellt eine Gruppe zusammen, die die Vielfalt der Einwohnerschaft abbildet.',
        },
        {
          id: 'mitwirkung-kinder-jugend',
          kind: 'format',
          formatId: 'kinder-jugendbeteiligung',
          text: 'Beteiligen Sie Kinder und Jugendliche mit eigenen, altersgerechten Angeboten (SächsGemO § 47a).',
        },
        {
          id: 'mitwirkung-barrierefreiheit',
          kind: 'ressourcen',
          text: 'Sehen Sie Mittel für Barrierefreiheit vor, etwa für Gebärdensprachdolmetschung, Übersetzungen, Kinderbetreuung oder Fahrtkosten.',
        },
      ],
    },
    {
      id: 'lernen',
      title: 'Aus Erfahrung lernen',
      explanation: 'Das Verfahren wird ausgewertet, und die Erkenntnisse fließen in künftige Beteiligungsvorhaben ein.',
      questions: [
        {
          id: 'lernen-auswertung-geplant',
          text: 'Eine Auswertung des Verfahrens ist von Anfang an vorgesehen, mit Zeit und Mitteln dafür.',
          perspectives: ['verwaltung', 'prozessgestaltende'],
        },
        {
          id: 'lernen-rueckmeldung-der-mitwirkenden',
          text: 'Die Mitwirkenden können am Ende sagen, was gut lief und was sie sich anders gewünscht hätten.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'lernen-fruehere-erfahrungen',
          text: 'Erfahrungen aus früheren Beteiligungsverfahren vor Ort sind in die Planung eingeflossen.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'lernen-erkenntnisse-weitergeben',
          text: 'Die Erkenntnisse werden festgehalten und an Verwaltung, Rat und Öffentlichkeit weitergegeben.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik'],
        },
      ],
      suggestions: [
        {
          id: 'lernen-auswertungstermin',
          kind: 'zeitplanung',
          text: 'Planen Sie vor Projektende einen Auswertungstermin mit Mitwirkenden, Verwaltung und Politik ein.',
        },
        {
          id: 'lernen-world-cafe',
          kind: 'format',
          formatId: 'world-cafe',
          text: 'Ein kurzes World Café zum Abschluss sammelt Rückmeldungen aller Gruppen zum Verfahren selbst.',
        },
        {
          id: 'lernen-evaluation-budget',
          kind: 'ressourcen',
          text: 'Sehen Sie im Ausgabenplan Mittel für eine kleine Evaluation vor, etwa für einen Fragebogen und dessen Auswertung.',
        },
        {
          id: 'lernen-ebbs-austausch',
          kind: 'sonstiges',
          text: 'Nutzen Sie den Austausch im EBBS, um von Vorhaben anderer Kommunen zu lernen; die Bereitschaft dazu erklären Sie im Förderantrag ohnehin.',
        },
      ],
    },
    {
      id: 'beteiligungskultur',
      title: 'Lokale Beteiligungskultur',
      explanation:
        'Beteiligung ist vor Ort kein Einzelfall, sondern gehört durch Regeln, Anlaufstellen und Erfahrung zum Alltag der Kommune.',
      questions: [
        {
          id: 'kultur-verlaessliche-regeln',
          text: 'Die Kommune hat Leitlinien, eine Satzung oder andere verlässliche Regeln dafür, wann und wie beteiligt wird.',
          perspectives: ['verwaltung', 'politik'],
        },
        {
          id: 'kultur-anlaufstelle',
          text: 'Es gibt eine feste Anlaufstelle, an die sich Einwohnerinnen und Einwohner mit Anliegen zur Beteiligung wenden können.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'prozessgestaltende'],
        },
        {
          id: 'kultur-anstoss-von-unten',
          text: 'Einwohnerinnen, Einwohner und Vereine können selbst anstoßen, dass zu einem Thema beteiligt wird.',
          perspectives: ['zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
        {
          id: 'kultur-wirkung-ueber-foerderzeit',
          text: 'Das Vorhaben ist so angelegt, dass es über die Förderzeit hinaus wirkt und die Zusammenarbeit vor Ort stärkt.',
          perspectives: ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'],
        },
      ],
      suggestions: [
        {
          id: 'kultur-leitlinien',
          kind: 'format',
          formatId: 'beteiligungsleitlinien',
          text: 'Erarbeiten Sie Beteiligungsleitlinien gemeinsam mit Einwohnerschaft, Verwaltung und Rat; das kann selbst Gegenstand eines Förderantrags sein.',
        },
        {
          id: 'kultur-buergerpanel',
          kind: 'format',
          formatId: 'buergerpanel',
          text: 'Ein Bürgerpanel macht Beteiligung zur Gewohnheit, weil dieselbe Gruppe mehrmals im Jahr gefragt wird.',
        },
        {
          id: 'kultur-nachbarschaftsgespraeche',
          kind: 'format',
          formatId: 'nachbarschaftsgespraeche',
          text: 'Regelmäßige Nachbarschaftsgespräche schaffen niedrigschwellige Gelegenheiten, sich auch außerhalb einzelner Projekte einzubringen.',
        },
        {
          id: 'kultur-ansprechperson',
          kind: 'sonstiges',
          text: 'Benennen Sie in der Verwaltung eine feste Ansprechperson für Bürgerbeteiligung und machen Sie sie öffentlich bekannt.',
        },
      ],
    },
  ],
};

/** Every published version, oldest first; answers from an earlier version find their question texts here. */
export const qualityCheckContentArchive: readonly QualityCheckContent[] = [qualityCheckContent2026_1];

/** The version new checks use. */
export const qualityCheckContent: QualityCheckContent = qualityCheckContent2026_1;

/** A published version by its label, or undefined. */
export function findQualityCheckContent(version: string, archive: readonly QualityCheckContent[] = qualityCheckContentArchive) {
  return archive.find((content) => content.version === version);
}
