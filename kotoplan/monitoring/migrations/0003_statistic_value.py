from django.db import migrations, models


class Migration(migrations.Migration):
    """A statistical value is no longer called an observation (that word is the regional
    authority's); the table keeps its name, so nothing is written to the database."""

    dependencies = [
        ("monitoring", "0002_progress_rounds"),
    ]

    operations = [
        migrations.AlterModelTable(name="observation", table="monitoring_observation"),
        migrations.RenameModel(old_name="Observation", new_name="StatisticValue"),
        migrations.AlterModelOptions(
            name="statisticvalue",
            options={
                "ordering": ["indicator", "period"],
                "verbose_name": "statistical value",
                "verbose_name_plural": "statistical values",
            },
        ),
        migrations.AlterField(
            model_name="statisticvalue",
            name="indicator",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE,
                related_name="values",
                to="monitoring.statindicator",
            ),
        ),
        migrations.AlterField(
            model_name="importrun",
            name="phase",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting for the background worker"),
                    ("fetching", "Fetching the data"),
                    ("parsing", "Reading and checking the file"),
                    ("writing", "Saving the values"),
                    ("done", "Finished"),
                ],
                default="queued",
                max_length=12,
                verbose_name="phase",
            ),
        ),
    ]
