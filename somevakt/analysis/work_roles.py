"""The work roles of a municipality's employees and elected members, bokmål and nynorsk, lower case,
written once for the analysers that read a role: `private_profile` (leaning on one's role: "som
rektor kan jeg bekrefte") and `abuse` (someone a private post may be aimed at: "sykepleierne")."""

WORK_ROLES: tuple[str, ...] = tuple(
    """
    ansatt tilsett rektor inspektør lærer lærar sykepleier sjukepleiar helsefagarbeider helsefagarbeidar
    saksbehandler saksbehandlar sakshandsamar leder leiar avdelingsleder avdelingsleiar enhetsleder
    einingsleiar virksomhetsleder styrer styrar konsulent rådgiver rådgjevar ingeniør vaktmester vaktmeister
    lege fastlege helsesykepleier helsesjukepleiar barnevernspedagog miljøterapeut sosionom assistent
    fagarbeider fagarbeidar kommunalsjef sektorleder sektorleiar ordfører ordførar rådmann kommunedirektør
    politiker politikar kommunestyrerepresentant
    """.split()
)
