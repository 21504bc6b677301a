"""Every warning masterplan gives, by code: plan.yml's ``errors_when_final`` and
``accepted_warnings`` may name only these.

``tests/test_final_errors.py`` holds the list to the codes the checks and renderers write, so that a new
warning cannot be left out of it (nor an old one kept).
"""

from __future__ import annotations

WARNING_CODES = frozenset({
    "W015", "W016", "W017", "W018", "W023", "W024", "W108", "W110", "W111", "W112", "W113", "W114", "W115", "W116", "W117", "W118",
    "W119", "W120", "W121", "W122", "W123", "W124", "W125", "W126", "W127", "W128", "W129", "W130", "W131", "W215", "W308", "W309", "W310",
    "W311", "W312", "W313", "W314", "W315", "W316", "W317", "W319", "W320", "W321", "W322", "W323", "W324", "W325",
    "W326", "W327", "W328", "W329", "W330", "W331", "W401", "W402", "W403", "W404", "W405", "W406", "W407", "W408", "W409",
    "W410", "W411", "W412", "W413", "W414", "W415", "W416", "W417", "W418", "W419", "W420", "W421", "W422", "W423",
    "W424", "W425", "W426", "W427", "W428", "W513", "W514", "W515", "W516", "W517", "W518", "W520", "W521", "W522", "W523",
    "W524",
    "W527", "W529", "W530", "W531", "W532", "W533", "W535", "W536", "W537", "W538", "W539", "W540", "W541", "W542",
    "W543", "W544", "W545", "W546", "W547", "W548", "W549", "W550", "W551", "W552", "W553", "W554", "W555", "W556", "W557", "W558",
    "W603", "W604", "W605", "W606", "W701", "W702", "W711", "W712", "W713", "W714", "W715", "W716",
})
