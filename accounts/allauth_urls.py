"""django-allauth under /racun/, with Croatian paths.

allauth's own (English) paths stay reachable so every ``{% url 'account_…' %}`` in allauth keeps
working; the Croatian aliases below carry the same URL names and come after the include, so
``reverse("account_login")`` gives ``/racun/prijava/`` (Django reverses to the last pattern of a
name and resolves to the first matching path).
"""

from allauth.account import views as account_views
from django.urls import include, path, re_path

urlpatterns = [
    path("", include("allauth.urls")),
    # Croatian aliases (the paths people see and that links and e-mails use):
    path("prijava/", account_views.login, name="account_login"),
    path("registracija/", account_views.signup, name="account_signup"),
    path("odjava/", account_views.logout, name="account_logout"),
    path("neaktivan/", account_views.account_inactive, name="account_inactive"),
    path("potvrda-adrese/", account_views.email_verification_sent, name="account_email_verification_sent"),
    re_path(r"^potvrda-adrese/(?P<key>[-:\w]+)/$", account_views.confirm_email, name="account_confirm_email"),
    path("ponovna-prijava/", account_views.reauthenticate, name="account_reauthenticate"),
    path("adrese/", account_views.email, name="account_email"),
    path("lozinka/promjena/", account_views.password_change, name="account_change_password"),
    path("lozinka/zaboravljena/", account_views.password_reset, name="account_reset_password"),
    path("lozinka/zaboravljena/poslano/", account_views.password_reset_done, name="account_reset_password_done"),
    re_path(
        r"^lozinka/nova/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        account_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "lozinka/nova/gotovo/",
        account_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
]
