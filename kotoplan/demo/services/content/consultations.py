"""Consultations of the demo: a closed one on Tampere's new draft (feedback in several languages,
including Arabic, and a published response report) and an open one on Vaasa's plan.

Written through the participation services; a consultation is found again by its address, so
loading twice changes nothing. Dates follow the day the demo is loaded.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from kotoplan.accounts.models import User
from kotoplan.core.clock import today
from kotoplan.participation import services
from kotoplan.participation.models import Consultation, Question, ResponseItem
from kotoplan.planning.models import Plan

QUESTIONS = [
    {
        "kind": Question.Kind.SINGLE,
        "text_fi": "Onko suunnitelmaluonnos mielestäsi ymmärrettävä?",
        "text_sv": "Är planutkastet lätt att förstå?",
        "text_en": "Is the draft plan easy to understand?",
        "text_plain_fi": "Onko suunnitelma helppo ymmärtää?",
        "options": [
            {"label_fi": "Kyllä", "label_sv": "Ja", "label_en": "Yes"},
            {"label_fi": "Osittain", "label_sv": "Delvis", "label_en": "Partly"},
            {"label_fi": "Ei", "label_sv": "Nej", "label_en": "No"},
        ],
        "ar": ["هل مسودة الخطة سهلة الفهم؟", "نعم", "جزئياً", "لا"],
    },
    {
        "kind": Question.Kind.MULTIPLE,
        "text_fi": "Mitkä tavoitteet ovat sinulle tärkeimpiä?",
        "text_sv": "Vilka mål är viktigast för dig?",
        "text_en": "Which objectives matter most to you?",
        "options": [
            {
                "label_fi": "Työ ja koulutus",
                "label_sv": "Arbete och utbildning",
                "label_en": "Work and education",
            },
            {
                "label_fi": "Terveys ja asuminen",
                "label_sv": "Hälsa och boende",
                "label_en": "Health and housing",
            },
            {
                "label_fi": "Oma kieli ja kulttuuri",
                "label_sv": "Eget språk och kultur",
                "label_en": "Own language and culture",
            },
            {
                "label_fi": "Hyvät väestösuhteet",
                "label_sv": "Goda relationer",
                "label_en": "Good relations",
            },
        ],
        "ar": [
            "ما هي الأهداف الأكثر أهمية بالنسبة لك؟",
            "العمل والتعليم",
            "الصحة والسكن",
            "اللغة والثقافة الخاصة",
            "العلاقات الجيدة",
        ],
    },
    {
        "kind": Question.Kind.RATING,
        "text_fi": "Miten hyvin sinut on otettu vastaan kunnassa?",
        "text_sv": "Hur väl har du blivit mottagen i kommunen?",
        "text_en": "How well have you been received in the municipality?",
        "ar": ["كيف تم استقبالك في البلدية؟"],
    },
    {
        "kind": Question.Kind.TEXT,
        "text_fi": "Mitä kunnan pitäisi tehdä ensimmäiseksi?",
        "text_sv": "Vad borde kommunen göra först?",
        "text_en": "What should the municipality do first?",
        "ar": ["ماذا يجب أن تفعل البلدية أولاً؟"],
    },
]

# (language, objective index or None, comment, category, organisation, answers by question index)
TAMPERE_FEEDBACK = [
    (
        "fi",
        0,
        "Kielikursseja tarvitaan myös iltaisin, koska moni käy päivällä töissä.",
        "immigrant_resident",
        "",
        {0: 1, 1: [0], 2: 3, 3: "Iltakursseja"},
    ),
    (
        "fi",
        0,
        "Työnantajille tarvitaan tietoa siitä, miten selkokieltä käytetään työpaikalla.",
        "organisation",
        "Pirkanmaan Yrittäjät",
        {0: 0, 1: [0, 3]},
    ),
    (
        "sv",
        None,
        "Planen borde nämna svenskspråkiga tjänster för dem som valt svenska.",
        "other",
        "",
        {0: 1, 2: 4},
    ),
    (
        "en",
        1,
        "International students need help finding housing before they arrive.",
        "immigrant_resident",
        "",
        {0: 0, 1: [1], 2: 2},
    ),
    (
        "ar",
        0,
        "نحتاج إلى دروس في اللغة الفنلندية مع رعاية الأطفال.",
        "immigrant_resident",
        "",
        {0: 1, 1: [0, 2], 2: 4, 3: "رعاية الأطفال أثناء الدروس"},
    ),
    (
        "ar",
        2,
        "يجب أن تكون المعلومات عن الخدمات الصحية باللغة العربية أيضاً.",
        "immigrant_resident",
        "",
        {0: 2, 1: [1]},
    ),
    (
        "fi",
        None,
        "Järjestöjen kanssa tehtävä yhteistyö pitää kirjata selvemmin.",
        "organisation",
        "Monikulttuurinen yhdistys ry",
        {0: 1, 2: 3},
    ),
    (
        "fi",
        1,
        "Koulujen oman äidinkielen opetusta pitäisi lisätä.",
        "municipal_employee",
        "",
        {1: [2], 2: 5},
    ),
]

TAMPERE_RESPONSES = [
    {
        "comments": [0, 4],
        "summary_fi": "Kielikursseja toivotaan iltaisin ja lastenhoidon kanssa.",
        "summary_en": "Language courses are wanted in the evenings and with childcare.",
        "outcome": ResponseItem.Outcome.ADOPTED,
        "response_fi": (
            "Lisäsimme toimenpiteen: iltakurssit ja lastenhoito kahdessa kirjastossa vuodesta 2027."
        ),
        "response_en": (
            "We added a measure: evening courses with childcare in two libraries from 2027."
        ),
    },
    {
        "comments": [5],
        "summary_fi": "Terveyspalvelujen tietoa tarvitaan arabiaksi.",
        "summary_en": "Information on health services is needed in Arabic.",
        "outcome": ResponseItem.Outcome.ELSEWHERE,
        "response_fi": (
            "Välitimme palautteen Pirkanmaan hyvinvointialueelle, joka vastaa terveyspalveluista."
        ),
        "response_en": (
            "We passed the feedback to the Pirkanmaa wellbeing "
            "services county, which runs health services."
        ),
    },
    {
        "comments": [2, 6],
        "summary_fi": "Ruotsinkieliset palvelut ja järjestöyhteistyö tulee kirjata selvemmin.",
        "summary_en": (
            "Swedish-language services and cooperation with organisations should be clearer."
        ),
        "outcome": ResponseItem.Outcome.PARTLY,
        "response_fi": (
            "Järjestöyhteistyö kuvataan nyt jokaisen tavoitteen "
            "kohdalla; ruotsinkieliset palvelut ohjataan "
            "seudullisesti."
        ),
        "response_en": (
            "Cooperation with organisations is now described under "
            "every objective; Swedish services are arranged "
            "regionally."
        ),
    },
]

CONSULTATIONS = [
    {
        "slug": "tampere-luonnos-2026",
        "plan": {"lead": "837", "state": Plan.State.DRAFT},
        "coordinator": "koordinaattori.tampere",
        "opened_days_ago": 75,
        "closed_days_ago": 30,
        "title_fi": "Kerro mielipiteesi Tampereen päivitetystä kotoutumissuunnitelmasta",
        "title_sv": "Säg din åsikt om Tammerfors uppdaterade integrationsplan",
        "title_en": "Have your say on Tampere's updated integration plan",
        "intro_fi": (
            "Päivitetty suunnitelmaluonnos oli asukkaiden ja "
            "järjestöjen kommentoitavana. Kiitos kaikille "
            "palautteesta!"
        ),
        "intro_sv": (
            "Det uppdaterade planutkastet var ute på remiss hos invånare och organisationer."
        ),
        "intro_en": (
            "The updated draft plan was open for comments from residents and organisations."
        ),
        "intro_plain_fi": (
            "Tampere teki uuden suunnitelman. Asukkaat saivat kertoa, mitä ajattelevat."
        ),
        "languages": [
            ("ar", "العربية", "كانت مسودة الخطة المحدثة مفتوحة لتعليقات السكان والجمعيات."),
            (
                "so",
                "Soomaali",
                "Qorshaha cusub waxaa faallo ka bixiyay dadka deegaanka iyo ururada.",
            ),
        ],
        "arabic_objectives": [
            "تحسين توظيف المهاجرين والاستفادة من مهاراتهم",
            "الشباب المهاجرون يبدأون الدراسة الثانوية ويكملونها",
            "المهاجرون يجدون سكناً مناسباً وخدمات الرفاه",
        ],
        "feedback": TAMPERE_FEEDBACK,
        "responses": TAMPERE_RESPONSES,
        "report_intro_fi": (
            "Saimme palautetta viidellä kielellä. Alla kerromme, miten se otettiin huomioon."
        ),
        "report_intro_en": (
            "We received feedback in five languages. Below is how it was taken into account."
        ),
    },
    {
        "slug": "vaasa-2027-2030",
        "plan": {"lead": "905", "state": Plan.State.CONSULTATION},
        "coordinator": "koordinaattori.vaasa",
        "opened_days_ago": 7,
        "closes_on": "2027-01-31",
        "title_fi": "Vaasan kotoutumissuunnitelma 2027–2030: kerro mielipiteesi",
        "title_sv": "Vasas integrationsplan 2027–2030: säg din åsikt",
        "title_en": "Vaasa integration plan 2027–2030: have your say",
        "intro_fi": (
            "Lue suunnitelmaluonnos ja kommentoi sitä kokonaisuutena tai tavoite kerrallaan."
        ),
        "intro_sv": "Läs planutkastet och kommentera det som helhet eller mål för mål.",
        "intro_en": "Read the draft plan and comment on it as a whole or objective by objective.",
        "intro_plain_fi": (
            "Vaasa tekee suunnitelmaa. Se kertoo, miten kaupunki "
            "auttaa uusia asukkaita. Kerro, mitä ajattelet."
        ),
        "languages": [
            ("ar", "العربية", "اقرأ مسودة الخطة وعلّق عليها ككل أو هدفاً تلو الآخر."),
            ("uk", "Українська", "Прочитайте проєкт плану та прокоментуйте його."),
            ("fa", "فارسی", "پیش‌نویس برنامه را بخوانید و نظر خود را بنویسید."),
            (
                "so",
                "Soomaali",
                "Akhri qorshaha qabyada ah oo ka faallee guud ahaan ama hadaf-hadaf.",
            ),
        ],
        "arabic_objectives": [
            "المزيد من المهاجرين يجدون عملاً",
            "تعلم اللغة الفنلندية أو السويدية",
            "دعم الأسر والسكن الآمن",
        ],
        "feedback": [
            (
                "sv",
                1,
                "Bra att integrationsutbildning ordnas också på svenska.",
                "immigrant_resident",
                "",
                {0: 0, 2: 4},
            ),
            ("ar", None, "شكراً على ترجمة الخطة إلى العربية.", "immigrant_resident", "", {0: 0}),
        ],
        "responses": [],
    },
]


def _window(spec: dict) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    opens = datetime.combine(today() - timedelta(days=spec["opened_days_ago"]), time(9), zone)
    if "closes_on" in spec:
        closes_day = max(
            datetime.fromisoformat(spec["closes_on"]).date(), today() + timedelta(days=30)
        )
    else:
        closes_day = today() - timedelta(days=spec["closed_days_ago"])
    return opens, datetime.combine(closes_day, time(16), zone)


def load_consultations(report) -> None:
    for spec in CONSULTATIONS:
        if Consultation.objects.filter(slug=spec["slug"]).exists():
            continue
        plan = (
            Plan.objects.filter(
                lead_municipality__code=spec["plan"]["lead"], state=spec["plan"]["state"]
            )
            .order_by("-version_number")
            .first()
        )
        if plan is None:
            continue
        _load(spec, plan, User.objects.get(username=spec["coordinator"]))
        report.add(f"Consultation: {spec['slug']}")


def _load(spec: dict, plan: Plan, actor: User) -> None:
    opens, closes = _window(spec)
    fields = (
        "title_fi",
        "title_sv",
        "title_en",
        "intro_fi",
        "intro_sv",
        "intro_en",
        "intro_plain_fi",
    )
    consultation = services.consultation_create(
        actor=actor,
        plan=plan,
        data={
            "slug": spec["slug"],
            "opens_at": opens,
            "closes_at": max(closes, timezone.now() + timedelta(hours=1)),
            **{name: spec[name] for name in fields},
        },
    )
    questions = []
    for data in QUESTIONS:
        fields = {k: v for k, v in data.items() if k not in ("options", "ar")}
        questions.append(
            services.question_create(
                actor=actor, consultation=consultation, data=fields, options=data.get("options")
            )
        )
    objectives = list(plan.objectives.order_by("theme__order", "order", "pk"))
    for code, name, intro in spec["languages"]:
        texts = {}
        if code == "ar":
            texts = _arabic_texts(questions, objectives, spec["arabic_objectives"])
        services.language_save(
            actor=actor, consultation=consultation, code=code, name=name, intro=intro, texts=texts
        )
    comments = []
    for language, objective, text, category, organisation, answers in spec["feedback"]:
        submission = services.feedback_submit(
            consultation=consultation,
            language=language,
            comment=text,
            target=objectives[objective] if objective is not None else None,
            category=category,
            organisation_name=organisation,
            answers={questions[i].pk: _answer(questions[i], v) for i, v in answers.items()},
        )
        comments.append(submission.comments.first())
    if "closed_days_ago" not in spec:
        return
    consultation = services.consultation_update(
        actor=actor,
        consultation=consultation,
        expected_version=consultation.version,
        data={
            "closes_at": closes,
            "report_intro_fi": spec["report_intro_fi"],
            "report_intro_en": spec["report_intro_en"],
        },
    )
    for item in spec["responses"]:
        data = {k: v for k, v in item.items() if k != "comments"}
        services.response_item_create(
            actor=actor,
            consultation=consultation,
            data=data,
            comments=[comments[i] for i in item["comments"]],
        )
    services.report_publish(actor=actor, consultation=consultation)


def _answer(question: Question, value):
    options = list(question.options.all())
    if question.kind == Question.Kind.SINGLE:
        return options[value].pk
    if question.kind == Question.Kind.MULTIPLE:
        return [options[i].pk for i in value]
    return value


def _arabic_texts(questions: list[Question], objectives: list, titles: list) -> dict[str, str]:
    texts = {"title": "شارك برأيك في خطة الاندماج"}
    for question, data in zip(questions, QUESTIONS, strict=True):
        arabic = data["ar"]
        texts[f"question:{question.pk}"] = arabic[0]
        for option, label in zip(question.options.all(), arabic[1:], strict=False):
            texts[f"option:{option.pk}"] = label
    for objective, title in zip(objectives, titles, strict=False):
        texts[f"objective:{objective.pk}"] = title
    return texts
