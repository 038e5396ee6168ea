"""Curated groupings of technical skills: *fields* of work and *families* of interchangeable tools.

* A **field** (front-end, back-end, databases, cloud and DevOps, data engineering, machine learning, systems,
  mobile, security, testing) is what a job is about. :mod:`matching.focus` compares the fields an ad centres on
  with those a resume is strong in. General-purpose languages (Python, Java, Go...) and everyday tools (Git,
  Linux) belong to no field: they say little about what the work is.
* A **broad area** is a general knowledge area an ad names ("computer programming", "data storage", "business
  processes", "software design"), as opposed to a named tool, language or standard (:func:`is_broad_area`). A
  resume seldom names one: it names the tools. So a broad area weighs less than a named skill, and when the
  resume does not show it the report asks for the ad's words, never to learn it.
* A **practice** is a broad area that specific skills show: Python in a bullet shows computer programming,
  PostgreSQL shows databases and data storage, AWS shows cloud computing. :mod:`matching.evidence` counts it as
  shown by those skills, as well as they are shown (no need to name the area too), and counts their roles toward
  "5+ years of software development". The taxonomy's own broader groups are no guide here: an ESCO group puts
  "data storage" beside "sand blasting machine parts", so the practices are curated.
* A **family** is a handful of tools that do the same job, where knowing one makes the next quick to learn and
  ads often take either (React / Angular / Vue; PostgreSQL / MySQL / SQL Server; AWS / GCP / Azure). When a
  resume does not show a skill the ad asks but shows one of its family, :mod:`matching.evidence` gives partial
  credit (:data:`FAMILY_CREDIT`), marked as a related skill, never as the skill itself.

The taxonomy's own ``related`` lists are broad (an O*NET commodity class puts React beside "Ahrefs Site
Explorer"), so these short lists are curated here by hand. Ids are those of the shipped taxonomy (a test checks
that each exists); an id the taxonomy drops simply never matches.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "FAMILIES",
    "FAMILY_CREDIT",
    "FIELDS",
    "FIELD_NAMES",
    "PRACTICES",
    "Practice",
    "family_siblings",
    "field_of",
    "implies_practice",
    "is_broad_area",
]

#: The most a family sibling can earn for a skill the resume does not show (times the sibling's own credit).
FAMILY_CREDIT = 0.5

FIELD_NAMES: Mapping[str, str] = {
    "frontend": "front-end web",
    "backend": "back-end and APIs",
    "databases": "databases",
    "cloud_devops": "cloud and DevOps",
    "data_engineering": "data engineering",
    "machine_learning": "machine learning",
    "systems": "systems and embedded",
    "mobile": "mobile apps",
    "security": "security",
    "testing": "testing and QA",
}

#: Field -> skill ids of the shipped taxonomy that mark it.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "frontend": (
        "react", "angular", "google-angular", "vue-js", "javascript", "typescript", "css", "html", "next-js",
        "webpack", "javascript-framework", "react-redux", "ajax", "jquery", "sass", "bootstrap", "backbone-js",
    ),
    "backend": (
        "django", "flask", "fastapi", "node-js", "spring", "spring-boot", "ruby-on-rails", "rest-apis",
        "restful-api", "microservices", "graphql", "express-js", "laravel", "asp-net", "soap", "hibernate",
        "php", "dotnet", "rabbitmq",
    ),
    "databases": (
        "sql", "postgresql", "mysql", "mongodb", "redis", "nosql", "relational-databases", "databases",
        "microsoft-sql-server", "oracle-database", "amazon-dynamodb", "elasticsearch", "apache-cassandra",
        "pl-sql", "sqlite", "mariadb", "database-management-systems", "relational-database-management-system-rdms",
        "apache-solr", "neo4j", "amazon-rds",
    ),
    "cloud_devops": (
        "amazon-web-services", "google-cloud-platform", "microsoft-azure", "kubernetes", "docker", "terraform",
        "ansible", "jenkins", "continuous-integration-and-delivery", "devops", "cloud-computing", "aws-lambda",
        "amazon-eks", "amazon-ec2", "aws-cloudformation", "chef", "puppet", "nginx", "nagios", "prometheus",
        "amazon-cloudwatch", "red-hat-openshift", "splunk", "gitlab",
    ),
    "data_engineering": (
        "apache-spark", "apache-kafka", "apache-airflow", "etl", "snowflake", "big-data", "apache-hadoop",
        "amazon-redshift", "aws-elastic-mapreduce-emr", "apache-avro", "apache-hbase", "pulsar", "bigquery",
        "hiveql",
    ),
    "machine_learning": (
        "machine-learning", "deep-learning", "natural-language-processing", "computer-vision", "pytorch",
        "tensorflow", "scikit-learn", "keras", "mlflow", "kubeflow", "xgboost", "data-science",
        "speech-recognition", "apache-mxnet", "statistics", "r", "matlab",
    ),
    "systems": (
        "c", "cpp", "rust", "embedded-systems", "firmware", "real-time-operating-system-rtos", "compilers",
        "llvm", "cuda", "concurrent-programming", "control-systems", "verilog", "vhdl",
        "hardware-description-language-hdl", "opencl", "mlir", "design-hardware", "assembly",
    ),
    "mobile": ("android", "ios", "kotlin", "swift", "objective-c", "xcode", "react-native", "flutter"),
    "security": (
        "information-security", "security-threats", "ict-encryption", "apply-information-security-policies",
        "data-protection", "iptables", "penetration-testing-tool", "firewall-software", "encryption-software",
    ),
    "testing": (
        "software-testing", "unit-testing", "regression-testing", "quality-assurance", "selenium", "cypress",
        "playwright",
    ),
}  # fmt: skip

#: Families of tools that do the same job (each id in at most one family).
FAMILIES: tuple[tuple[str, ...], ...] = (
    ("react", "angular", "google-angular", "vue-js", "backbone-js", "jquery"),
    ("django", "flask", "fastapi", "spring", "spring-boot", "express-js", "ruby-on-rails", "laravel", "asp-net",
     "node-js"),
    ("postgresql", "mysql", "microsoft-sql-server", "oracle-database", "sqlite", "mariadb"),
    ("mongodb", "apache-cassandra", "amazon-dynamodb"),
    ("amazon-web-services", "google-cloud-platform", "microsoft-azure"),
    ("kubernetes", "red-hat-openshift", "amazon-eks", "google-kubernetes-engine", "azure-kubernetes-service"),
    ("ubuntu", "red-hat-enterprise-linux", "centos", "debian"),
    ("terraform", "ansible", "chef", "puppet", "aws-cloudformation"),
    ("jenkins", "gitlab", "azure-devops"),
    ("pytorch", "tensorflow", "keras", "apache-mxnet"),
    ("apache-spark", "apache-hadoop"),
    ("apache-kafka", "pulsar", "rabbitmq", "amazon-sqs"),
    ("snowflake", "amazon-redshift", "bigquery"),
    ("elasticsearch", "apache-solr", "opensearch"),
    ("git", "apache-subversion", "mercurial", "perforce", "concurrent-versions-systems", "ibm-rational-clearcase",
     "microsoft-visual-sourcesafe"),
    ("junit", "testng", "nunit", "pytest", "jest", "phpunit"),
    ("selenium", "cypress", "playwright"),
    ("cucumber", "specflow"),
    ("oracle-solaris", "ibm-aix", "hp-ux"),
    ("apache-jmeter", "loadrunner", "gatling"),
    ("log4j", "logback", "slf4j", "log4net"),
    ("nagios", "prometheus", "splunk", "amazon-cloudwatch"),
    ("java", "kotlin", "scala", "csharp"),
    ("javascript", "typescript"),
    ("c", "cpp"),
    ("swift", "objective-c"),
    ("rest-apis", "restful-api", "graphql", "soap"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Practice:
    """What shows a practice: skills of these kinds, skills of these fields, or these skills; never those of
    ``unless``."""

    kinds: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()


_CODE = frozenset({"programming_language"})
#: Languages of data and markup (Linguist files them with the programming languages): writing YAML is not coding.
_MARKUP = frozenset({"yaml", "json", "xml", "html", "css"})
_BUILD = frozenset({"frontend", "backend", "mobile", "systems"})
_CLOUD = frozenset({"amazon-web-services", "google-cloud-platform", "microsoft-azure"})
_RELATIONAL = frozenset({"postgresql", "mysql", "microsoft-sql-server", "oracle-database", "sqlite", "mariadb", "sql"})
_OBJECT_ORIENTED = frozenset(
    {"java", "cpp", "csharp", "python", "kotlin", "scala", "ruby", "swift", "objective-c", "typescript", "php"}
)
_UNIT_TEST_TOOLS = frozenset({"junit", "testng", "nunit", "pytest", "jest", "phpunit", "mockito"})
_SCRIPTING = frozenset({"python", "bash", "perl", "ruby", "powershell", "shell-script", "unix-shell", "javascript"})

#: Practice id -> what implies it.
PRACTICES: Mapping[str, Practice] = {
    "computer-programming": Practice(kinds=_CODE, unless=_MARKUP),
    "programming-languages": Practice(kinds=_CODE, unless=_MARKUP),
    "software-development": Practice(kinds=_CODE, fields=_BUILD, unless=frozenset({"yaml", "json", "xml"})),
    "web-development": Practice(fields=frozenset({"frontend", "backend"})),
    "software-deployment": Practice(fields=frozenset({"cloud_devops"})),
    "devops": Practice(skills=frozenset({"docker", "kubernetes", "jenkins", "terraform", "ansible"})),
    "continuous-integration-and-delivery": Practice(skills=frozenset({"jenkins", "gitlab"})),
    "cloud-computing": Practice(skills=_CLOUD),
    "databases": Practice(fields=frozenset({"databases"})),
    "relational-databases": Practice(skills=_RELATIONAL),
    "nosql": Practice(skills=frozenset({"mongodb", "apache-cassandra", "amazon-dynamodb", "redis"})),
    "machine-learning": Practice(fields=frozenset({"machine_learning"})),
    "data-storage": Practice(fields=frozenset({"databases"}), skills=frozenset({"amazon-s3"})),
    "database": Practice(fields=frozenset({"databases"})),
    "software-testing": Practice(fields=frozenset({"testing"}), skills=_UNIT_TEST_TOOLS),
    "unit-testing": Practice(skills=_UNIT_TEST_TOOLS),
    "information-security": Practice(fields=frozenset({"security"})),
    "big-data": Practice(fields=frozenset({"data_engineering"})),
    "data-science": Practice(fields=frozenset({"machine_learning"})),
    "artificial-intelligence": Practice(fields=frozenset({"machine_learning"})),
    "deep-learning": Practice(skills=frozenset({"pytorch", "tensorflow", "keras", "apache-mxnet"})),
    "mobile-development": Practice(fields=frozenset({"mobile"})),
    "object-oriented-programming": Practice(skills=_OBJECT_ORIENTED),
    "scripting": Practice(skills=_SCRIPTING),
}

_FIELD_OF: Mapping[str, str] = {sid: name for name, ids in FIELDS.items() for sid in ids}
_FAMILY_OF: Mapping[str, tuple[str, ...]] = {sid: family for family in FAMILIES for sid in family}


_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=4096)  # skill labels, asked again for every ad that names the skill
def _generic_words(label: str, *, capital_first: bool) -> bool:
    """True when a label is written in common words ('data storage', 'conduct ICT code review', 'Software design'),
    not as a name ('Vagrant', 'LDAP', 'REST APIs', 'Unreal Engine'). ESCO writes its generic labels in lower case
    (initialisms such as ICT aside) and keeps capitals for names; the curated names capitalise their first word."""
    words = _WORD.findall(label)
    if all(w.isupper() or w.isdigit() for w in words):
        return False  # no words at all, or only initialisms: 'LDAP', 'SPARQL'
    for i, word in enumerate(words):
        if word.islower() or word.isdigit():
            continue
        if capital_first and i == 0 and word[1:].islower():
            continue
        if not capital_first and word.isupper() and len(word) >= 2:
            continue  # an initialism inside an ESCO label: 'ICT infrastructure'
        return False
    return True


def is_broad_area(skill_id: str, kind: str, name: str, esco_label: str | None = None) -> bool:
    """True for a broad knowledge area ('computer programming', 'data storage', 'business processes', 'software
    design'): a practice, or knowledge whose label is common words; False for a named tool, language, standard or
    product ('Git', 'HTTP', 'REST APIs', 'Vagrant'), and for soft skills."""
    if skill_id in PRACTICES:
        return True
    if kind != "knowledge":
        return False
    if esco_label:
        return _generic_words(esco_label, capital_first=False)
    return _generic_words(name, capital_first=True)


def field_of(skill_id: str) -> str | None:
    """The field a skill marks, or None (general-purpose languages, everyday tools, soft skills...)."""
    return _FIELD_OF.get(skill_id)


def implies_practice(practice_id: str, skill_id: str, kind: str) -> bool:
    """True when a skill (of that kind) shows the practice; a practice never implies itself."""
    rule = PRACTICES.get(practice_id)
    if rule is None or skill_id == practice_id or skill_id in rule.unless:
        return False
    return kind in rule.kinds or _FIELD_OF.get(skill_id) in rule.fields or skill_id in rule.skills


@functools.lru_cache(maxsize=4096)
def family_siblings(skill_id: str) -> tuple[str, ...]:
    """The other tools of the skill's family (() when it has none)."""
    return tuple(s for s in _FAMILY_OF.get(skill_id, ()) if s != skill_id)
