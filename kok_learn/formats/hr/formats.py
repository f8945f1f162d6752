# Croatian conventions: "26. studenoga 2026.", "1.989.272,02".
# Django's own hr formats give "26. studenog 2026."; the standard genitive is "studenoga".
DATE_FORMAT = "j. E Y."
SHORT_DATE_FORMAT = "j. n. Y."
DATETIME_FORMAT = "j. E Y. \\u H:i"
SHORT_DATETIME_FORMAT = "j. n. Y. H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y."
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y.", "%d.%m.%Y", "%d. %m. %Y.", "%d. %m. %Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y. %H:%M", "%d.%m.%Y. %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
