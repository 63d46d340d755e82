"""Single sign-on with organisations' OpenID Connect identity providers: which provider serves
an e-mail domain (`providers`) and the authorisation code flow with one of them (`client`)."""
