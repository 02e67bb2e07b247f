"""The names of the weekdays and the months in bokmål and nynorsk, as regex alternations (no group,
lower case), for the analysers that must tell a time from a place or a person ("Per i mars",
"Mandag 3. juni", "forrige fredag")."""

WEEKDAYS = r"mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
MONTHS = r"januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
