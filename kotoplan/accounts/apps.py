from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"
