"""What a build is asked to do (:class:`BuildOptions`), and how it tells another process its progress.

Apart from :mod:`masterplan.build`, so that the renderers and the preview, which the build calls, can read the
options without importing the build itself.
"""

from __future__ import annotations

from dataclasses import dataclass

#: environment variable: ``lines`` prints the PDF's progress as lines, each quarter done (the preview's
#: background build reads them through a pipe), and :data:`READ` once the content is read; otherwise the
#: progress shows on a terminal only
PROGRESS = "MASTERPLAN_PROGRESS"
#: the line a build printing its progress as lines prints once it has read the plan's text: an edit saved from
#: then on no longer reaches it (the preview lets it finish, then builds again)
READ = "masterplan: content read"


@dataclass
class BuildOptions:
    """What to build and how; the one place where build options are documented."""

    pdf: bool = True  #: write the PDF book
    site: bool = True  #: write the website and open data
    strict: bool = False  #: warnings fail the build
    jobs: int | None = None  #: parallel PDF layout processes (None: the machine's cores)
    cache: bool = True  #: reuse PDF parts and site pages whose inputs did not change (build/.cache/)
    base_url: str | None = None  #: public site address, for canonical links and sitemap.xml
    search: bool = True  #: index the site with Pagefind (quick builds and the preview may skip it)
    one_shot: bool = False  #: the process ends after this build (the command line, not the preview)
    #: a final plan's warnings that plan.yml's errors_when_final names fail it (not in the preview's site builds)
    final: bool = True
