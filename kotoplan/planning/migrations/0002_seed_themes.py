from django.db import migrations

THEMES = [
    ("employment_education", 1, True, "Työllisyys ja koulutus", "Sysselsättning och utbildning",
     "Employment and education"),
    ("wellbeing_health_housing", 2, True, "Hyvinvointi, terveys ja asuminen",
     "Välfärd, hälsa och boende", "Wellbeing, health and housing"),
    ("inclusion_equality", 3, True, "Osallisuus, yhdenvertaisuus ja syrjimättömyys",
     "Delaktighet, likabehandling och icke-diskriminering",
     "Inclusion, equality and non-discrimination"),
    ("language_culture", 4, True, "Mahdollisuus ylläpitää omaa kieltä ja kulttuuria",
     "Möjlighet att upprätthålla det egna språket och den egna kulturen",
     "Opportunities to maintain one's own language and culture"),
    ("good_relations", 5, True, "Väestöryhmien väliset hyvät suhteet",
     "Goda relationer mellan befolkningsgrupper", "Good relations between population groups"),
    ("other", 6, False, "Muut tavoitteet", "Övriga mål", "Other objectives"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("planning", "Theme")
    for code, order, statutory, fi, sv, en in THEMES:
        Theme.objects.update_or_create(
            code=code,
            defaults={"order": order, "statutory": statutory, "name_fi": fi, "name_sv": sv,
                      "name_en": en},
        )


def unseed(apps, schema_editor):
    apps.get_model("planning", "Theme").objects.filter(code__in=[t[0] for t in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("planning", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
