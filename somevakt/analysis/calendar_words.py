"""The names of the weekdays and the months in bokmål and nynorsk, as regex alternations (no group,
lower case), for the analysers that must tell a time from a place or a person ("Per i mars",
"Mandag 3. juni", "forrige fredag"), and the words for a time after "i" or "på"."""

WEEKDAYS = r"mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
MONTHS = r"januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
# A time after "i" or "på" ("i dag", "i morges", "på mandag", "i mars", "i sommar", "i jula"): a
# person or a role before it is not at a workplace ("Per i dag", "legen i dag"). Read by names
# (`_AT_WORK_AFTER`) and confidential (a role "på"/"i" a workplace); each adds its own other words.
TIMES = (
    r"dag|går|gar|år|fjor|morgen|morgon|morges|kveld|natt|helga|helgen|ettermiddag|formiddag|"
    r"sommer|sommar|høst|haust|vinter|jula|julen|påska|påsken|tide|tida|"
    rf"{MONTHS}|{WEEKDAYS}"
)
