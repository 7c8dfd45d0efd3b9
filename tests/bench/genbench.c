/* genbench.c - synthetic council improvement plans and papers for `make bench`.
 *
 *   genbench N DIR
 *
 * writes, deterministically (the same N always gives the same bytes):
 *   DIR/plan.yaml  a plan with N actions: themes of ~25 actions, people, sources,
 *                  recommendations; ~40% complete (completion dates in the past),
 *                  ~15% rescheduled (revisions agreed before the reporting date),
 *                  ~5% overdue, the rest on target, not yet due or cancelled;
 *                  milestones on about a quarter of the actions
 *   DIR/paper.md   an `exception` variant paper as at 2010/11 Q3 with every field of
 *                  templates/variants/exception.yaml, N/4 paragraphs of council prose
 *                  (60-90 words each) under numbered sections, then the action plan
 *                  (```plan```) and exception report (```exceptions```) appendices
 *   DIR/peer.md    the same content as plain Markdown for pandoc, the two computed
 *                  tables pre-rendered as pipe tables
 *   DIR/peer.typ   the same content as a Typst document, tables with table.header(...)
 *
 * The generator works out each action's status as at 31 December 2010 itself (it
 * chose them), so the peers' tables hold the rows and wording that tabled computes.
 * Plain C17, no dependencies: the CI regression guard builds it in a second. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- deterministic random numbers (splitmix64) -------------------------- */

static unsigned long long rng_state = 0x7ab1edULL;

static unsigned long long rnd64(void)
{
    unsigned long long z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rnd(int n) /* 0 .. n-1 */
{
    return n <= 1 ? 0 : (int)(rnd64() % (unsigned long long)n);
}

#define PICK(a) ((a)[rnd((int)N_ELEMS(a))])

/* ---- growable strings ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("genbench: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void bput(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void bputs(buf *b, const char *s) { bput(b, s, strlen(s)); }

static void bprintf(buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        bput(b, tmp, (size_t)n);
        return;
    }
    char *big = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bput(b, big, (size_t)n);
    free(big);
}

static char *bstr(buf *b) /* take the string; b is empty after */
{
    char *s = b->s ? b->s : xrealloc(NULL, 1);
    if (!b->s) s[0] = '\0';
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* ---- dates -------------------------------------------------------------- */

/* A date as written in the plan: a day, a month or a UK financial quarter. */
typedef enum { D_NONE, D_DAY, D_MONTH, D_QUARTER, D_ONGOING } dkind;
typedef struct {
    dkind k;
    int y, m, d; /* D_QUARTER: y = financial year start, m = quarter 1-4 */
} date;

static const char *const MONTHS[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int month_days(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return md[m - 1] + (m == 2 && leap);
}

static date day_of(int y, int m, int d) { return (date){D_DAY, y, m, d}; }
static date month_of(int y, int m) { return (date){D_MONTH, y, m, 0}; }

/* months since January 2000, both ways */
static int mindex(int y, int m) { return (y - 2000) * 12 + (m - 1); }
static date month_at(int mi) { return month_of(2000 + mi / 12, mi % 12 + 1); }
static date day_in(int mi, int d)
{
    date x = month_at(mi);
    int n = month_days(x.y, x.m);
    return day_of(x.y, x.m, d > n ? n : d);
}

static long last_day(date x)
{
    switch (x.k) {
    case D_DAY: return days_from_civil(x.y, x.m, x.d);
    case D_MONTH: return days_from_civil(x.y, x.m, month_days(x.y, x.m));
    case D_QUARTER: {
        int endm = 3 + 3 * x.m; /* Q1 ends June, Q3 December, Q4 March next year */
        int yy = x.y + (endm > 12);
        endm = (endm - 1) % 12 + 1;
        return days_from_civil(yy, endm, month_days(yy, endm));
    }
    default: return 1L << 40;
    }
}

static void date_yaml(buf *b, date x)
{
    switch (x.k) {
    case D_DAY: bprintf(b, "%04d-%02d-%02d", x.y, x.m, x.d); break;
    case D_MONTH: bprintf(b, "%04d-%02d", x.y, x.m); break;
    case D_QUARTER: bprintf(b, "%d/%02d Q%d", x.y, (x.y + 1) % 100, x.m); break;
    case D_ONGOING: bputs(b, "ongoing"); break;
    default: break;
    }
}

/* As tabled prints them (src/model/date.c): long and short forms. */
static void date_long(buf *b, date x)
{
    switch (x.k) {
    case D_DAY: bprintf(b, "%d %s %d", x.d, MONTHS[x.m - 1], x.y); break;
    case D_MONTH: bprintf(b, "%s %d", MONTHS[x.m - 1], x.y); break;
    case D_QUARTER: bprintf(b, "Q%d %d/%02d", x.m, x.y, (x.y + 1) % 100); break;
    case D_ONGOING: bputs(b, "ongoing"); break;
    default: break;
    }
}

static void date_short(buf *b, date x)
{
    switch (x.k) {
    case D_DAY: bprintf(b, "%d %.3s %d", x.d, MONTHS[x.m - 1], x.y); break;
    case D_MONTH: bprintf(b, "%.3s %d", MONTHS[x.m - 1], x.y); break;
    default: date_long(b, x);
    }
}

/* The paper's reporting date: 2010/11 Q3, i.e. 31 December 2010. */
#define ASAT_Y 2010
#define ASAT_M 12
static long asat_day;
static int asat_mi; /* month index of December 2010 */

/* ---- the plan model ----------------------------------------------------- */

enum { C_COMPLETE, C_RESCHEDULED, C_OVERDUE, C_ON_TARGET, C_NOT_YET_DUE, C_CANCELLED };

typedef struct {
    char title[160];
    date start, due;
    int complete;
    date completed;
} milestone;

typedef struct {
    date date, agreed;
    const char *reason;
} revision;

typedef struct {
    char ref[40];
    int theme;
    char *description;
    int who[2], n_who;
    date start, due;
    revision rev[2];
    int n_rev;
    const char *measure;
    int recs[2], n_recs;
    int related[2], n_related;
    const char *resources;
    const char *progress;
    int cat;
    date completed;
    const char *rag; /* NULL, "red", "amber", "green", "complete" */
    milestone ms[3];
    int n_ms;
    /* derived as at the reporting date */
    int days_overdue;
    int optimistic;
} action;

typedef struct {
    char id[64];
    char name[64];
    const char *role;
} person;

typedef struct {
    char ref[16];
    char title[160];
    int lead;
    int priority;
    int first, count; /* its actions */
} theme;

typedef struct {
    char ref[16];
    int source;
    char *text;
} recommendation;

static person *people;
static int n_people;
static theme *themes;
static int n_themes;
static action *actions;
static int n_actions;
static recommendation *recs;
static int n_recs;

/* ---- words -------------------------------------------------------------- */

static const char *const FIRST[] = {
    "Sandra", "Jerry",  "Nigel",  "Laura",   "Pat",     "Julie",  "David",  "Margaret", "Andrew", "Susan",
    "Keith",  "Helen",  "Robert", "Gillian", "Stephen", "Alison", "Martin", "Carol",    "Peter",  "Janet",
    "Ian",    "Lesley", "Graham", "Karen",   "Colin",   "Denise", "Brian",  "Fiona",    "Trevor", "Lorraine",
    "Simon",  "Tracey", "Philip", "Angela",  "Derek",   "Wendy",  "Neil",   "Joanne",   "Barry",  "Yvonne"};
static const char *const LAST[] = {
    "Franklin", "Massey",   "Andrews",  "McGillivray", "Graham",  "Betteridge", "Hughes",   "Patel",
    "Robinson", "Thompson", "Walker",   "Wright",      "Edwards", "Clarke",     "Hall",     "Green",
    "Jackson",  "Wood",     "Harrison", "Martin",      "Cooper",  "Ward",       "Morris",   "Turner",
    "Baker",    "Khan",     "Parker",   "Bennett",     "Davies",  "Evans",      "Fletcher", "Holmes",
    "Lloyd",    "Marshall", "Owen",     "Reynolds",    "Shaw",    "Stevens",    "Webb",     "Young"};
static const char *const ROLES[] = {
    "Head of Housing Strategy", "Housing Services Manager", "Head of Development Strategy",
    "Policy and Performance Officer", "Tenancy Services Manager", "Corporate Director",
    "Head of Customer Services", "Repairs and Maintenance Manager", "Private Sector Housing Manager",
    "Homelessness and Advice Manager", "Finance Business Partner", "Tenant Participation Officer",
    "Asset Management Officer", "Supporting People Lead Officer", "Communications Officer"};

static const char *const TOPICS[] = {
    "Consultation, engagement and vision",
    "Customer access and information",
    "Repairs and maintenance",
    "Decent Homes investment programme",
    "Allocations and lettings",
    "Homelessness prevention and advice",
    "Tenancy management and estate services",
    "Rent collection and arrears recovery",
    "Anti-social behaviour",
    "Supported housing and Supporting People",
    "Private sector housing standards",
    "Empty homes",
    "Affordable housing supply",
    "Value for money and procurement",
    "Performance management and data quality",
    "Equality and diversity",
    "Leaseholder services",
    "Sheltered housing review",
    "Housing strategy and needs assessment",
    "Partnership working and governance",
    "Workforce development",
    "Disabled facilities and adaptations",
    "Energy efficiency and affordable warmth",
    "Gypsy and Traveller provision"};

static const char *const VERBS[] = {
    "Develop",  "Agree",     "Review",    "Publish", "Implement", "Consult on", "Introduce", "Complete",
    "Evaluate", "Establish", "Procure",   "Map",     "Refresh",   "Pilot",      "Monitor",   "Report on",
    "Deliver",  "Adopt",     "Benchmark", "Embed"};
static const char *const THINGS[] = {
    "a programme of consultation and engagement with tenants",
    "the service standards for responsive repairs",
    "a customer access strategy covering all contact channels",
    "the allocations policy and choice-based lettings scheme",
    "a homelessness prevention toolkit for front-line staff",
    "the rent arrears recovery procedure",
    "an estate inspection regime with tenant inspectors",
    "the Decent Homes delivery programme for 2010/11",
    "a stock condition survey of the council's homes",
    "the anti-social behaviour policy and victim support arrangements",
    "the performance management framework for the housing service",
    "a data quality policy and annual audit of key indicators",
    "the housing needs assessment and market analysis",
    "the procurement strategy for planned maintenance contracts",
    "an equality impact assessment of housing services",
    "a leaseholder charter and service charge review",
    "the sheltered housing review and options appraisal",
    "a private sector stock condition survey",
    "the empty homes strategy and enforcement protocol",
    "the tenancy agreement and associated tenant handbook",
    "a training plan for housing officers",
    "a partnership agreement with registered social landlords",
    "the disabled facilities grant process and waiting times",
    "an affordable warmth programme with the energy agency",
    "a value for money review of the repairs contract",
    "the customer satisfaction survey (STATUS)",
    "the complaints procedure and learning from complaints",
    "the housing revenue account business plan",
    "a mystery shopping programme with the tenants' panel",
    "the risk register for the improvement plan"};
static const char *const MEASURES[] = {
    "Programme agreed by the Housing Improvement Board.",
    "Standards published and reported quarterly to the Strategic Housing Panel.",
    "Satisfaction with the service at or above the upper quartile.",
    "Policy adopted by the Executive and published on the council's website.",
    "Reduction in average relet times to 28 days.",
    "All staff trained and assessed as competent.",
    "Arrears reduced to 2% of the annual rent debit.",
    "Audit of indicators shows no material errors.",
    "Tenants' panel confirms the standards are met.",
    "Report considered by Scrutiny Committee.",
    "Contract let within budget and on time.",
    "Fewer than 5% of homes below the Decent Homes Standard.",
    "Action plan signed off by the Corporate Management Team.",
    "Outcomes reported in the annual report to tenants."};
static const char *const RESOURCES[] = {
    "Existing staff time.", "Within existing budgets.", "Housing revenue account, 20,000 pounds.",
    "Capital programme allocation.", "Supporting People grant.", "External consultants, 15,000 pounds."};
static const char *const PROGRESS[] = {
    "Draft out for consultation with the tenants' panel.",
    "Project team established and scope agreed.",
    "Data collection under way; first findings expected next quarter.",
    "Options appraisal reported to the Strategic Housing Panel.",
    "Delayed by vacancies in the team; recruitment completed.",
    "Awaiting the outcome of the corporate restructure.",
    "Work is progressing to the agreed timetable.",
    "Supplier appointed; mobilisation meeting held.",
    "Pilot running on two estates.",
    "Report drafted for the next Panel meeting."};
static const char *const REASONS[] = {
    "Consultation extended at tenants' request.",
    "To be launched by March 2011.",
    "Paper to March 2011 Panel.",
    "Link to service plan 2011/12 sign off in March 2011.",
    "Within 2011/12 service plan.",
    "Dependent on the outcome of the corporate restructure.",
    "Procurement timetable extended following legal advice.",
    "Staff vacancies in the team during the summer.",
    "Awaiting national guidance from the Department.",
    "Rescheduled to align with the budget-setting process."};
static const char *const MS_TITLES[] = {
    "Consult tenants' panel", "Draft for Panel approval", "Report to Executive", "Publish final version",
    "Training for staff", "Baseline data collected", "Tender documents issued", "Pilot evaluated",
    "Equality impact assessment", "Launch to residents"};

/* Prose: sentence parts that make realistic committee report paragraphs. */
static const char *const P_SUBJ[] = {
    "The Strategic Housing Panel", "The Housing Services Manager", "The project board", "The service",
    "The Corporate Management Team", "The Scrutiny Committee", "The Head of Housing",
    "The improvement team", "The Housing Partnership", "The tenants' panel",
    "Internal Audit", "The Audit Commission's lead inspector", "The Executive Member for Housing"};
static const char *const P_VERB[] = {
    "has reviewed", "continues to monitor", "has agreed", "has considered", "will report on",
    "has endorsed", "is developing", "has completed work on", "has commissioned", "has consulted on",
    "has challenged", "has welcomed"};
static const char *const P_OBJ[] = {
    "the revised timetable for the repairs programme", "the draft homelessness strategy",
    "the performance framework for the service", "the arrangements for tenant involvement",
    "the options appraisal for the housing stock", "the customer access strategy",
    "the service standards for allocations", "the business case for choice-based lettings",
    "the data quality action plan", "the medium-term financial plan for the service",
    "the results of the annual tenant satisfaction survey", "the findings of the peer review",
    "the risk register for the improvement plan", "progress against the Decent Homes target",
    "the equality impact assessments completed this year"};
static const char *const P_QUAL[] = {
    "in line with the agreed timetable", "following the recommendations of the Audit Commission",
    "at its meeting in October", "within existing resources", "subject to the outcome of consultation",
    "as part of the annual service planning cycle", "ahead of the re-inspection",
    "with the support of the corporate policy team", "in partnership with the registered social landlords",
    "on a bi-monthly basis", "before the end of the financial year"};
static const char *const P_OUTCOME[] = {
    "residents receive a consistent standard of service wherever they live",
    "resources are directed to the areas of greatest need",
    "Members can hold officers to account for delivery",
    "the council meets its statutory duties",
    "tenants are able to influence decisions that affect their homes",
    "the improvements made since the inspection are sustained",
    "the service demonstrates value for money",
    "vulnerable households are identified and supported at an early stage"};
static const char *const P_CAUSE[] = {
    "of vacancies in the strategy team", "the corporate restructure took longer than expected",
    "the consultation period was extended at the request of tenants",
    "national guidance was published later than anticipated",
    "procurement rules required a full tender", "the budget for 2010/11 was reduced in year"};
static const char *const P_COMMITTEE[] = {
    "the Audit Committee", "the Executive", "the Scrutiny Committee", "the Strategic Housing Panel",
    "Council"};
static const char *const SECTIONS[] = {
    "Background", "Progress since the last report", "Governance and monitoring", "Resources",
    "Consultation", "Risks and issues", "Performance", "Financial implications", "Legal implications",
    "Equality and diversity implications", "Customer focus", "Partnership working",
    "Value for money", "Lessons learned", "Next steps"};

static int words_in(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ') in = 0;
        else if (!in) { in = 1; n++; }
    }
    return n;
}

/* One paragraph of 60-90 words. */
static char *paragraph(void)
{
    buf b = {0};
    int target = 60 + rnd(31);
    int words = 0;
    while (words < target - 6) {
        buf s = {0};
        switch (rnd(6)) {
        case 0:
        case 1:
            bprintf(&s, "%s %s %s %s.", PICK(P_SUBJ), PICK(P_VERB), PICK(P_OBJ), PICK(P_QUAL));
            break;
        case 2: bprintf(&s, "This will ensure that %s.", PICK(P_OUTCOME)); break;
        case 3:
            bprintf(&s, "Progress has been slower than planned because %s, and a revised date has been agreed.",
                    PICK(P_CAUSE));
            break;
        case 4:
            bprintf(&s, "A further report on %s will be brought to %s in %s %d.", PICK(P_OBJ),
                    PICK(P_COMMITTEE), MONTHS[rnd(12)], 2011);
            break;
        default:
            bprintf(&s, "Of the %d actions in this part of the plan, %d are complete and %d remain on target.",
                    10 + rnd(20), 3 + rnd(6), 2 + rnd(6));
            break;
        }
        int w = words_in(s.s);
        if (words + w > 92 && words >= 60) {
            free(s.s);
            break;
        }
        if (b.len) bputs(&b, " ");
        bputs(&b, s.s);
        words += w;
        free(s.s);
    }
    return bstr(&b);
}

/* ---- building the model -------------------------------------------------- */

static void make_model(int n)
{
    asat_day = days_from_civil(ASAT_Y, ASAT_M, 31);
    asat_mi = mindex(ASAT_Y, ASAT_M);

    n_actions = n;
    n_themes = (n + 24) / 25;
    n_people = 12 + n / 15;
    n_recs = n / 8 < 5 ? 5 : n / 8;

    people = calloc((size_t)n_people, sizeof *people);
    themes = calloc((size_t)n_themes, sizeof *themes);
    actions = calloc((size_t)n_actions, sizeof *actions);
    recs = calloc((size_t)n_recs, sizeof *recs);
    if (!people || !themes || !actions || !recs) exit(1);

    /* (i mod 40, (i div 40 + i) mod 40) is one-to-one for i < 1600 */
    for (int i = 0; i < n_people; i++) {
        const char *f = FIRST[i % N_ELEMS(FIRST)];
        const char *l = LAST[(i / N_ELEMS(FIRST) + i) % N_ELEMS(LAST)];
        snprintf(people[i].name, sizeof people[i].name, "%s %s", f, l);
        snprintf(people[i].id, sizeof people[i].id, "%s-%s", f, l);
        for (char *p = people[i].id; *p; p++)
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
        people[i].role = ROLES[i % N_ELEMS(ROLES)];
    }

    for (int i = 0; i < n_recs; i++) {
        snprintf(recs[i].ref, sizeof recs[i].ref, "R%d", i + 1);
        recs[i].source = i % 3;
        buf b = {0};
        bprintf(&b, "%s %s %s.", PICK(VERBS), PICK(THINGS), PICK(P_QUAL));
        recs[i].text = bstr(&b);
    }

    int a = 0;
    for (int t = 0; t < n_themes; t++) {
        theme *th = &themes[t];
        snprintf(th->ref, sizeof th->ref, "T%d", t + 1);
        if ((size_t)t < N_ELEMS(TOPICS))
            snprintf(th->title, sizeof th->title, "%s", TOPICS[t]);
        else
            snprintf(th->title, sizeof th->title, "%s (phase %d)", TOPICS[(size_t)t % N_ELEMS(TOPICS)],
                     (int)((size_t)t / N_ELEMS(TOPICS)) + 1);
        th->lead = rnd(n_people);
        th->priority = 1 + t % 3;
        th->first = a;
        th->count = n - a < 25 ? n - a : 25;
        for (int k = 0; k < th->count; k++, a++) {
            action *x = &actions[a];
            snprintf(x->ref, sizeof x->ref, "%s.%d", th->ref, k + 1);
            x->theme = t;
            buf b = {0};
            bprintf(&b, "%s %s", PICK(VERBS), PICK(THINGS));
            if (rnd(3) == 0) bprintf(&b, " %s", PICK(P_QUAL));
            bputs(&b, ".");
            x->description = bstr(&b);
            x->n_who = 1 + (rnd(4) == 0);
            x->who[0] = rnd(n_people);
            x->who[1] = (x->who[0] + 1 + rnd(n_people - 1)) % n_people;
            x->measure = PICK(MEASURES);
            x->n_recs = rnd(3);
            for (int r = 0; r < x->n_recs; r++) x->recs[r] = rnd(n_recs);
            if (x->n_recs == 2 && x->recs[0] == x->recs[1]) x->n_recs = 1;
            x->n_related = (k > 0 && rnd(5) == 0) ? 1 : 0;
            if (x->n_related) x->related[0] = th->first + rnd(k);
            x->resources = rnd(2) ? PICK(RESOURCES) : NULL;

            int r = rnd(100);
            x->cat = r < 5    ? C_OVERDUE
                     : r < 20 ? C_RESCHEDULED
                     : r < 60 ? C_COMPLETE
                     : r < 61 ? C_CANCELLED
                     : r < 88 ? C_ON_TARGET
                              : C_NOT_YET_DUE;
            int s_mi, d_mi;
            switch (x->cat) {
            case C_COMPLETE:
                s_mi = mindex(2009, 1) + rnd(16);      /* Jan 2009 .. Apr 2010 */
                d_mi = s_mi + 2 + rnd(6);
                x->start = month_at(s_mi);
                x->due = month_at(d_mi);
                {
                    int c_mi = d_mi - rnd(3);
                    if (c_mi < s_mi) c_mi = s_mi;
                    if (c_mi > asat_mi) c_mi = asat_mi;
                    x->completed = day_in(c_mi, 1 + rnd(28));
                }
                x->rag = "complete";
                x->progress = "Complete; signed off by the Strategic Housing Panel.";
                break;
            case C_RESCHEDULED:
                s_mi = mindex(2010, 1) + rnd(7);       /* Jan .. Jul 2010 */
                d_mi = mindex(2010, 9) + rnd(4);        /* Sep .. Dec 2010 */
                x->start = month_at(s_mi);
                x->due = month_at(d_mi);
                x->n_rev = 1 + (rnd(5) == 0);
                for (int v = 0; v < x->n_rev; v++) {
                    x->rev[v].date = month_at(asat_mi + 2 + 2 * v + rnd(4)); /* Feb .. Jul 2011 */
                    /* each agreed in a later month than the one before */
                    x->rev[v].agreed = day_in(mindex(2010, 7) + 3 * v + rnd(3), 1 + rnd(28));
                    x->rev[v].reason = PICK(REASONS);
                }
                if (rnd(4) == 0) x->rev[x->n_rev - 1].date = (date){D_QUARTER, 2010, 4, 0};
                x->rag = rnd(5) == 0 ? "green" : "amber";
                x->progress = PICK(PROGRESS);
                break;
            case C_OVERDUE:
                s_mi = mindex(2010, 1) + rnd(5);
                d_mi = mindex(2010, 6) + rnd(6);        /* Jun .. Nov 2010 */
                x->start = month_at(s_mi);
                x->due = month_at(d_mi);
                x->rag = rnd(8) == 0 ? "green" : "red";
                x->progress = PICK(PROGRESS);
                break;
            case C_CANCELLED:
                x->start = month_at(mindex(2010, 1) + rnd(6));
                x->due = month_at(mindex(2010, 9) + rnd(6));
                x->progress = "Cancelled: superseded by the corporate customer access strategy.";
                break;
            case C_ON_TARGET:
                s_mi = mindex(2010, 4) + rnd(8);       /* Apr .. Nov 2010 */
                x->start = month_at(s_mi);
                x->due = rnd(12) == 0 ? (date){D_ONGOING, 0, 0, 0}
                         : rnd(6) == 0 ? (date){D_QUARTER, 2011, 1 + rnd(2), 0}
                                       : month_at(asat_mi + 1 + rnd(12));
                x->rag = rnd(4) ? "green" : NULL;
                x->progress = PICK(PROGRESS);
                break;
            default: /* not yet due */
                s_mi = asat_mi + 2 + rnd(6);
                x->start = month_at(s_mi);
                x->due = month_at(s_mi + 2 + rnd(9));
                x->progress = NULL;
                break;
            }

            /* milestones on about a quarter of the (live) actions */
            if (x->cat != C_CANCELLED && rnd(4) == 0) {
                x->n_ms = 2 + rnd(2);
                for (int m = 0; m < x->n_ms; m++) {
                    milestone *ms = &x->ms[m];
                    snprintf(ms->title, sizeof ms->title, "%s", MS_TITLES[(size_t)(m * 3 + k) % N_ELEMS(MS_TITLES)]);
                    int xs = mindex(x->start.y, x->start.m);
                    ms->start = month_at(xs);
                    switch (x->cat) {
                    case C_COMPLETE: {
                        /* spread over start .. completion, all done */
                        int span = mindex(x->completed.y, x->completed.m) - xs;
                        int dm = xs + span * (m + 1) / x->n_ms;
                        ms->due = month_at(dm);
                        ms->complete = 1;
                        ms->completed = day_in(dm, 1 + rnd(28));
                        if (last_day(ms->completed) > last_day(x->completed)) ms->completed = x->completed;
                        break;
                    }
                    case C_OVERDUE: {
                        /* spread over start .. due (all before the reporting date); the
                         * first is done, the rest are overdue */
                        int span = mindex(x->due.y, x->due.m) - xs;
                        int dm = xs + span * (m + 1) / x->n_ms;
                        ms->due = month_at(dm);
                        ms->complete = m == 0;
                        if (ms->complete) ms->completed = day_in(dm, 1 + rnd(28));
                        break;
                    }
                    case C_RESCHEDULED:
                    case C_ON_TARGET:
                        if (m == 0 && xs + 1 < asat_mi) {
                            ms->due = month_at(xs + 1);
                            ms->complete = 1;
                            ms->completed = day_in(xs + 1, 1 + rnd(28));
                        } else {
                            ms->due = month_at(asat_mi + 1 + m);
                        }
                        break;
                    default:
                        ms->due = month_at(xs + m + 1);
                        break;
                    }
                }
            }

            /* status as at 31 December 2010 (the paper's date) */
            if (x->cat == C_OVERDUE) {
                long worst = asat_day - last_day(x->due);
                for (int m = 0; m < x->n_ms; m++)
                    if (!x->ms[m].complete && asat_day - last_day(x->ms[m].due) > worst)
                        worst = asat_day - last_day(x->ms[m].due);
                x->days_overdue = (int)worst;
                x->optimistic = !strcmp(x->rag, "green");
            } else if (x->cat == C_RESCHEDULED) {
                x->optimistic = !strcmp(x->rag, "green");
            }
        }
    }
}

static date current_due(const action *x) { return x->n_rev ? x->rev[x->n_rev - 1].date : x->due; }

static const char *status_label(const action *x, char *tmp, size_t n)
{
    switch (x->cat) {
    case C_COMPLETE: return "Complete";
    case C_RESCHEDULED: return "Rescheduled";
    case C_OVERDUE:
        snprintf(tmp, n, "Overdue: %d day%s", x->days_overdue, x->days_overdue == 1 ? "" : "s");
        return tmp;
    case C_ON_TARGET: return "On target";
    case C_NOT_YET_DUE: return "Not yet due";
    default: return "Cancelled";
    }
}

static int is_exception(const action *x) { return x->cat == C_OVERDUE || x->cat == C_RESCHEDULED; }

/* ---- plan.yaml ------------------------------------------------------------ */

static void yaml_str(buf *b, const char *s) /* double-quoted YAML scalar */
{
    bputs(b, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') bputs(b, "\\");
        bput(b, s, 1);
    }
    bputs(b, "\"");
}

static void write_plan(buf *b, int n)
{
    bprintf(b, "# Synthetic plan for `make bench`: tests/bench/genbench %d (do not edit).\n", n);
    bputs(b, "plan:\n  title: Housing Improvement Plan 2010/11\n  organisation: Anytown Borough Council\n"
             "  short-title: HIP 2010/11\n  updated: 2010-12-31\n  roles:\n");
    bprintf(b, "    lead-officer: %s\n    report-author: %s\n", people[0].id, people[1].id);
    bputs(b, "\npeople:\n");
    for (int i = 0; i < n_people; i++)
        bprintf(b, "  - id: %s\n    name: %s\n    role: %s\n    phone: 01632 %06d\n    email: %s@anytown.gov.uk\n",
                people[i].id, people[i].name, people[i].role, 960000 + i, people[i].id);
    bputs(b, "\nsources:\n"
             "  - id: ac-inspection\n    title: Audit Commission inspection of strategic housing services\n    date: 2009-04\n"
             "  - id: peer-review\n    title: Housing peer review\n    date: 2009-09\n"
             "  - id: internal-audit\n    title: Internal Audit report on housing performance data\n    date: 2009-11-16\n");
    static const char *const src_ids[] = {"ac-inspection", "peer-review", "internal-audit"};
    bputs(b, "\nrecommendations:\n");
    for (int i = 0; i < n_recs; i++) {
        bprintf(b, "  - ref: %s\n    source: %s\n    text: ", recs[i].ref, src_ids[recs[i].source]);
        yaml_str(b, recs[i].text);
        bputs(b, "\n");
    }
    bputs(b, "\nthemes:\n");
    for (int t = 0; t < n_themes; t++)
        bprintf(b, "  - ref: %s\n    title: %s\n    lead: %s\n    priority: %d\n", themes[t].ref, themes[t].title,
                people[themes[t].lead].id, themes[t].priority);
    bputs(b, "\nactions:\n");
    for (int i = 0; i < n_actions; i++) {
        const action *x = &actions[i];
        bprintf(b, "  - ref: %s\n    theme: %s\n    description: ", x->ref, themes[x->theme].ref);
        yaml_str(b, x->description);
        bputs(b, "\n    who: ");
        if (x->n_who == 1) bprintf(b, "%s", people[x->who[0]].id);
        else bprintf(b, "[%s, %s]", people[x->who[0]].id, people[x->who[1]].id);
        bputs(b, "\n    start: ");
        date_yaml(b, x->start);
        bputs(b, "\n    due: ");
        date_yaml(b, x->due);
        bputs(b, "\n");
        if (x->n_rev) {
            bputs(b, "    revisions:\n");
            for (int v = 0; v < x->n_rev; v++) {
                bputs(b, "      - date: ");
                date_yaml(b, x->rev[v].date);
                bputs(b, "\n        agreed: ");
                date_yaml(b, x->rev[v].agreed);
                bputs(b, "\n        reason: ");
                yaml_str(b, x->rev[v].reason);
                bputs(b, "\n");
            }
        }
        bputs(b, "    measure: ");
        yaml_str(b, x->measure);
        bputs(b, "\n");
        if (x->n_recs) {
            bprintf(b, "    recommendations: [%s", recs[x->recs[0]].ref);
            for (int r = 1; r < x->n_recs; r++) bprintf(b, ", %s", recs[x->recs[r]].ref);
            bputs(b, "]\n");
        }
        if (x->n_related) bprintf(b, "    related: [%s]\n", actions[x->related[0]].ref);
        if (x->resources) {
            bputs(b, "    resources: ");
            yaml_str(b, x->resources);
            bputs(b, "\n");
        }
        if (x->progress) {
            bputs(b, "    progress: ");
            yaml_str(b, x->progress);
            bputs(b, "\n");
        }
        static const char *const st[] = {"complete", "in-progress", "in-progress", "in-progress",
                                         "not-started", "cancelled"};
        bprintf(b, "    status: %s\n", st[x->cat]);
        if (x->cat == C_COMPLETE) {
            bputs(b, "    completed: ");
            date_yaml(b, x->completed);
            bputs(b, "\n");
        }
        if (x->rag) bprintf(b, "    rag: %s\n", x->rag);
        if (x->n_ms) {
            bputs(b, "    milestones:\n");
            for (int m = 0; m < x->n_ms; m++) {
                const milestone *ms = &x->ms[m];
                bprintf(b, "      - title: %s\n        who: %s\n        start: ", ms->title, people[x->who[0]].id);
                date_yaml(b, ms->start);
                bputs(b, "\n        due: ");
                date_yaml(b, ms->due);
                if (ms->complete) {
                    bputs(b, "\n        status: complete\n        completed: ");
                    date_yaml(b, ms->completed);
                } else {
                    bprintf(b, "\n        status: %s",
                            x->cat == C_NOT_YET_DUE || last_day(ms->start) > asat_day ? "not-started" : "in-progress");
                }
                bputs(b, "\n");
            }
        }
    }
}

/* ---- the paper and its peers ---------------------------------------------- */

typedef struct {
    const char *committee, *meeting_iso, *meeting_text, *subject, *lead, *author, *summary,
        *recommendation;
    const char *background[3];
} front;

static const front FRONT = {
    "Audit Committee",
    "2011-01-26",
    "26 January 2011",
    "Housing Improvement Plan 2010/11 exception report",
    "Pat Graham, Corporate Director",
    "Julie Betteridge, Head of Development Strategy",
    "To present an exception report on implementation of the Housing Improvement Plan as at the end of quarter 3.",
    "Members note the actions where completion dates have been rescheduled or missed, and the reasons given.",
    {"Audit Commission inspection of strategic housing services", "Housing Improvement Plan 2010/11",
     "Development Strategy Service Plan"}};

typedef struct {
    char title[200];
    int first, count; /* paragraphs */
} section;

static char **paras;
static int n_paras;
static section *sects;
static int n_sects;

static void make_prose(int n)
{
    n_paras = n / 4 < 3 ? 3 : n / 4;
    paras = calloc((size_t)n_paras, sizeof *paras);
    sects = calloc((size_t)n_paras + 2, sizeof *sects);
    if (!paras || !sects) exit(1);
    for (int i = 0; i < n_paras; i++) paras[i] = paragraph();
    /* Introduction (2 paragraphs), then sections of 4-10 paragraphs, then Conclusion (1). */
    int p = 0;
    snprintf(sects[0].title, sizeof sects[0].title, "Introduction");
    sects[0].first = 0;
    sects[0].count = 2;
    p = 2;
    n_sects = 1;
    while (p < n_paras - 1) {
        section *s = &sects[n_sects];
        int k = n_sects - 1;
        if ((size_t)k < N_ELEMS(SECTIONS))
            snprintf(s->title, sizeof s->title, "%s", SECTIONS[k]);
        else
            snprintf(s->title, sizeof s->title, "Progress: %s",
                     themes[(size_t)(k - (int)N_ELEMS(SECTIONS)) % (size_t)n_themes].title);
        s->first = p;
        s->count = 4 + rnd(7);
        if (p + s->count > n_paras - 1) s->count = n_paras - 1 - p;
        p += s->count;
        n_sects++;
    }
    section *c = &sects[n_sects++];
    snprintf(c->title, sizeof c->title, "Conclusion");
    c->first = n_paras - 1;
    c->count = 1;
}

/* The figures the paper's placeholders give. */
static int count_cat(int cat)
{
    int k = 0;
    for (int i = 0; i < n_actions; i++) k += actions[i].cat == cat;
    return k;
}

static int n_exceptions(void)
{
    int k = 0;
    for (int i = 0; i < n_actions; i++) k += is_exception(&actions[i]);
    return k;
}

static int percent_complete(void)
{
    int den = n_actions - count_cat(C_CANCELLED), c = count_cat(C_COMPLETE);
    return den ? (c * 200 + den) / (2 * den) : 0;
}

static void write_paper(buf *b, int n)
{
    bprintf(b, "---\n# Synthetic paper for `make bench`: tests/bench/genbench %d (do not edit).\n", n);
    bprintf(b, "plan: plan.yaml\nvariant: exception\nas-at: 2010/11 Q3\ncommittee: %s\n"
               "meeting: %s\nitem: 7\nreport-of: Corporate Director\nsubject: %s\nnumbering: full\n"
               "lead-officer: %s\nreport-author: %s\nsummary: >-\n  %s\nrecommendation: >-\n  %s\n"
               "background-documents:\n",
            FRONT.committee, FRONT.meeting_iso, FRONT.subject, FRONT.lead, FRONT.author, FRONT.summary,
            FRONT.recommendation);
    for (size_t i = 0; i < N_ELEMS(FRONT.background); i++) bprintf(b, "  - %s\n", FRONT.background[i]);
    bputs(b, "---\n\n");
    for (int s = 0; s < n_sects; s++) {
        bprintf(b, "# %s\n\n", sects[s].title);
        if (s == 0)
            bputs(b, "The plan has {{ actions }} actions, {{ percent-complete }} complete as at {{ as-at }}; "
                     "{{ exceptions }} are reported as exceptions in Appendix B.\n\n");
        for (int p = sects[s].first; p < sects[s].first + sects[s].count; p++) bprintf(b, "%s\n\n", paras[p]);
    }
    bputs(b, "# Appendix: Action plan\n\n```plan\n```\n\n# Appendix: Exceptions\n\n```exceptions\n```\n");
}

/* Table rows as the computed blocks build them (src/report/block_*.c), with
 * line breaks marked '\n' for the writer to turn into <br> or Typst's `\`. */
typedef struct {
    int group; /* 1: a theme row spanning the table */
    char *cell[9];
} row;

static char *cell_desc(const action *x)
{
    buf b = {0};
    bputs(&b, x->description);
    for (int m = 0; m < x->n_ms; m++) {
        bprintf(&b, "\n\xE2\x80\xA2 %s (", x->ms[m].title);
        date_short(&b, x->ms[m].due);
        bputs(&b, ")");
    }
    return bstr(&b);
}

static char *cell_who(const action *x)
{
    buf b = {0};
    bputs(&b, people[x->who[0]].name);
    if (x->n_who > 1) bprintf(&b, " / %s", people[x->who[1]].name);
    return bstr(&b);
}

static char *dup(const char *s)
{
    buf b = {0};
    bputs(&b, s ? s : "");
    return bstr(&b);
}

static row *plan_rows(int *nrows)
{
    row *rows = calloc((size_t)(n_actions + n_themes), sizeof *rows);
    if (!rows) exit(1);
    int r = 0;
    char tmp[64];
    for (int t = 0; t < n_themes; t++) {
        buf g = {0};
        bprintf(&g, "%s %s \xE2\x80\x94 lead officer: %s", themes[t].ref, themes[t].title, people[themes[t].lead].name);
        rows[r].group = 1;
        rows[r++].cell[0] = bstr(&g);
        for (int i = themes[t].first; i < themes[t].first + themes[t].count; i++) {
            const action *x = &actions[i];
            row *w = &rows[r++];
            buf b = {0};
            w->cell[0] = dup(x->ref);
            w->cell[1] = cell_desc(x);
            w->cell[2] = cell_who(x);
            date_short(&b, x->start);
            w->cell[3] = bstr(&b);
            date_short(&b, x->due);
            if (x->cat == C_RESCHEDULED) {
                bputs(&b, "\nRevised ");
                date_short(&b, current_due(x));
            }
            w->cell[4] = bstr(&b);
            w->cell[5] = dup(status_label(x, tmp, sizeof tmp));
            for (int k = 0; k < x->n_recs; k++) bprintf(&b, "%s%s", k ? ", " : "", recs[x->recs[k]].ref);
            w->cell[6] = bstr(&b);
            if (x->n_related) bputs(&b, actions[x->related[0]].ref);
            w->cell[7] = bstr(&b);
        }
    }
    *nrows = r;
    return rows;
}

static row *exception_rows(int *nrows)
{
    row *rows = calloc((size_t)(n_actions + n_themes), sizeof *rows);
    if (!rows) exit(1);
    int r = 0;
    char tmp[64];
    for (int t = 0; t < n_themes; t++) {
        int grouped = 0;
        for (int i = themes[t].first; i < themes[t].first + themes[t].count; i++) {
            const action *x = &actions[i];
            if (!is_exception(x)) continue;
            if (!grouped) {
                buf g = {0};
                bprintf(&g, "%s %s", themes[t].ref, themes[t].title);
                rows[r].group = 1;
                rows[r++].cell[0] = bstr(&g);
                grouped = 1;
            }
            row *w = &rows[r++];
            buf b = {0};
            w->cell[0] = dup(x->ref);
            w->cell[1] = dup(x->description);
            for (int m = 0; m < x->n_ms; m++) {
                if (m) bputs(&b, "\n");
                if (x->n_ms > 1) bputs(&b, "\xE2\x80\xA2 ");
                bprintf(&b, "%s (", x->ms[m].title);
                date_short(&b, x->ms[m].due);
                bputs(&b, ")");
                if (x->cat == C_OVERDUE && !x->ms[m].complete && last_day(x->ms[m].due) < asat_day) {
                    long d = asat_day - last_day(x->ms[m].due);
                    bprintf(&b, " Overdue: %ld day%s", d, d == 1 ? "" : "s");
                }
            }
            w->cell[2] = bstr(&b);
            w->cell[3] = cell_who(x);
            date_long(&b, x->due);
            for (int v = 0; v < x->n_rev; v++) {
                bputs(&b, "\nRevised ");
                date_long(&b, x->rev[v].date);
                bputs(&b, " (agreed ");
                date_short(&b, x->rev[v].agreed);
                bputs(&b, ")");
            }
            w->cell[4] = bstr(&b);
            w->cell[5] = dup(status_label(x, tmp, sizeof tmp));
            if (x->cat == C_OVERDUE) bprintf(&b, "%d", x->days_overdue);
            w->cell[6] = bstr(&b);
            if (x->optimistic) {
                if (x->cat == C_OVERDUE)
                    bprintf(&b, "**Reported Green; %d day%s overdue.** ", x->days_overdue,
                            x->days_overdue == 1 ? "" : "s");
                else
                    bputs(&b, "**Reported Green; rescheduled.** ");
            }
            bputs(&b, x->n_rev ? x->rev[x->n_rev - 1].reason : x->progress ? x->progress : "");
            w->cell[7] = bstr(&b);
            w->cell[8] = dup(x->measure);
        }
    }
    *nrows = r;
    return rows;
}

static const char *const PLAN_HEAD[] = {"Ref", "Priority action", "Lead officer", "Start",
                                        "Finish", "Status", "Recommendation", "Related actions"};
static const int PLAN_W[] = {5, 40, 11, 8, 11, 10, 9, 8};
static const char *const EXC_HEAD[] = {"Ref", "Action", "Milestone", "Who", "When",
                                       "Status", "Days overdue", "Reason", "Measure of success"};
static const int EXC_W[] = {6, 18, 18, 9, 13, 9, 6, 16, 16};

/* Markdown (pandoc): pipe tables; **bold** is written as is, '\n' becomes <br>. */
static void md_cell(buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n') bputs(b, "<br>");
        else if (*s == '|') bputs(b, "\\|");
        else bput(b, s, 1);
    }
}

static void md_table(buf *b, const char *caption, const char *const *head, const int *w, int nc,
                     const row *rows, int nr)
{
    bputs(b, "|");
    for (int c = 0; c < nc; c++) bprintf(b, " %s |", head[c]);
    bputs(b, "\n|");
    for (int c = 0; c < nc; c++) {
        for (int k = 0; k < w[c] / 2 + 3; k++) bputs(b, "-");
        bputs(b, "|");
    }
    bputs(b, "\n");
    for (int r = 0; r < nr; r++) {
        bputs(b, "|");
        if (rows[r].group) {
            bputs(b, " **");
            md_cell(b, rows[r].cell[0]);
            bputs(b, "** |");
            for (int c = 1; c < nc; c++) bputs(b, " |");
        } else {
            for (int c = 0; c < nc; c++) {
                bputs(b, " ");
                md_cell(b, rows[r].cell[c] ? rows[r].cell[c] : "");
                bputs(b, " |");
            }
        }
        bputs(b, "\n");
    }
    bprintf(b, "\n: %s\n\n", caption);
}

/* Typst markup: escape everything that is syntax; '\n' becomes a line break and
 * **x** strong. */
static void typ_text(buf *b, const char *s)
{
    int strong = 0;
    for (; *s; s++) {
        if (s[0] == '*' && s[1] == '*') {
            bputs(b, strong ? "]" : "#strong[");
            strong = !strong;
            s++;
        } else if (*s == '\n') {
            bputs(b, " \\ ");
        } else if (strchr("\\#*_$@<>[]`~/=-+", *s)) {
            bputs(b, "\\");
            bput(b, s, 1);
        } else {
            bput(b, s, 1);
        }
    }
}

static void typ_table(buf *b, const char *caption, const char *const *head, const int *w, int nc,
                      const row *rows, int nr)
{
    bputs(b, "#strong[");
    typ_text(b, caption);
    bputs(b, "]\n\n#[\n#set text(size: 7.5pt)\n#table(\n  columns: (");
    for (int c = 0; c < nc; c++) bprintf(b, "%s%dfr", c ? ", " : "", w[c]);
    bputs(b, "),\n  inset: 3pt,\n  align: left + top,\n  table.header(");
    for (int c = 0; c < nc; c++) {
        bputs(b, c ? ", [*" : "[*");
        typ_text(b, head[c]);
        bputs(b, "*]");
    }
    bputs(b, "),\n");
    for (int r = 0; r < nr; r++) {
        if (rows[r].group) {
            bprintf(b, "  table.cell(colspan: %d, fill: luma(225))[*", nc);
            typ_text(b, rows[r].cell[0]);
            bputs(b, "*],\n");
            continue;
        }
        bputs(b, " ");
        for (int c = 0; c < nc; c++) {
            bputs(b, " [");
            typ_text(b, rows[r].cell[c] ? rows[r].cell[c] : "");
            bputs(b, "],");
        }
        bputs(b, "\n");
    }
    bputs(b, ")\n]\n\n");
}

static void write_peers(buf *md, buf *typ, int n)
{
    int npr, ner;
    row *pr = plan_rows(&npr);
    row *er = exception_rows(&ner);
    char intro[512];
    snprintf(intro, sizeof intro,
             "The plan has %d actions, %d%% complete as at 31 December 2010; %d are reported as exceptions in "
             "Appendix B.",
             n_actions, percent_complete(), n_exceptions());
    const char *labels[] = {"Report to", "Date", "Subject", "Lead Officer", "Report Author", "Summary",
                            "Recommendation"};
    const char *values[] = {FRONT.committee, FRONT.meeting_text, FRONT.subject, FRONT.lead, FRONT.author,
                            FRONT.summary, FRONT.recommendation};
    char plan_cap[200], exc_cap[200];
    snprintf(plan_cap, sizeof plan_cap, "Housing Improvement Plan 2010/11: action plan as at 31 December 2010");
    snprintf(exc_cap, sizeof exc_cap, "Exceptions as at 31 December 2010");

    /* ---- pandoc Markdown ---- */
    bprintf(md, "---\ntitle: \"%s\"\nlang: en-GB\n---\n\n", FRONT.subject);
    bprintf(md, "<!-- Synthetic peer paper for make bench: tests/bench/genbench %d -->\n\n", n);
    bputs(md, "| | |\n|---|---|\n");
    for (size_t i = 0; i < N_ELEMS(labels); i++) bprintf(md, "| **%s** | %s |\n", labels[i], values[i]);
    bputs(md, "\n");
    for (int s = 0; s < n_sects; s++) {
        bprintf(md, "# %d %s\n\n", s + 1, sects[s].title);
        int k = 1;
        if (s == 0) bprintf(md, "%d.%d %s\n\n", s + 1, k++, intro);
        for (int p = sects[s].first; p < sects[s].first + sects[s].count; p++)
            bprintf(md, "%d.%d %s\n\n", s + 1, k++, paras[p]);
    }
    bputs(md, "## List of Background Documents\n\n");
    for (size_t i = 0; i < N_ELEMS(FRONT.background); i++) bprintf(md, "- %s\n", FRONT.background[i]);
    bputs(md, "\n# Appendix A: Action plan\n\n");
    md_table(md, plan_cap, PLAN_HEAD, PLAN_W, 8, pr, npr);
    bputs(md, "# Appendix B: Exceptions\n\n");
    md_table(md, exc_cap, EXC_HEAD, EXC_W, 9, er, ner);

    /* ---- Typst ---- */
    bprintf(typ, "// Synthetic peer paper for make bench: tests/bench/genbench %d\n", n);
    bputs(typ, "#set document(title: [");
    typ_text(typ, FRONT.subject);
    bputs(typ, "])\n#set page(paper: \"a4\", margin: 2cm, numbering: \"1\")\n"
               "#set text(font: \"Liberation Sans\", size: 11pt, lang: \"en\", region: \"gb\")\n"
               "#set par(spacing: 0.9em)\n\n#text(size: 16pt, weight: \"bold\")[");
    typ_text(typ, FRONT.subject);
    bputs(typ, "]\n\n#table(columns: (auto, 1fr), stroke: none, inset: 4pt,\n");
    for (size_t i = 0; i < N_ELEMS(labels); i++) {
        bprintf(typ, "  [*%s*], [", labels[i]);
        typ_text(typ, values[i]);
        bputs(typ, "],\n");
    }
    bputs(typ, ")\n\n");
    for (int s = 0; s < n_sects; s++) {
        bprintf(typ, "= %d #h(0.5em) ", s + 1);
        typ_text(typ, sects[s].title);
        bputs(typ, "\n\n");
        int k = 1;
        if (s == 0) {
            bprintf(typ, "%d.%d #h(0.5em) ", s + 1, k++);
            typ_text(typ, intro);
            bputs(typ, "\n\n");
        }
        for (int p = sects[s].first; p < sects[s].first + sects[s].count; p++) {
            bprintf(typ, "%d.%d #h(0.5em) ", s + 1, k++);
            typ_text(typ, paras[p]);
            bputs(typ, "\n\n");
        }
    }
    bputs(typ, "== List of Background Documents\n\n");
    for (size_t i = 0; i < N_ELEMS(FRONT.background); i++) {
        bputs(typ, "- ");
        typ_text(typ, FRONT.background[i]);
        bputs(typ, "\n");
    }
    bputs(typ, "\n#set page(flipped: true)\n\n= Appendix A: Action plan\n\n");
    typ_table(typ, plan_cap, PLAN_HEAD, PLAN_W, 8, pr, npr);
    bputs(typ, "#pagebreak()\n= Appendix B: Exceptions\n\n");
    typ_table(typ, exc_cap, EXC_HEAD, EXC_W, 9, er, ner);

    for (int r = 0; r < npr; r++)
        for (int c = 0; c < 9; c++) free(pr[r].cell[c]);
    for (int r = 0; r < ner; r++)
        for (int c = 0; c < 9; c++) free(er[r].cell[c]);
    free(pr);
    free(er);
}

/* ---- main --------------------------------------------------------------- */

static int write_file(const char *dir, const char *name, const buf *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->s, 1, b->len, f) != b->len || fclose(f) != 0) {
        fprintf(stderr, "genbench: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: genbench N DIR   (writes DIR/plan.yaml, paper.md, peer.md, peer.typ)\n", stderr);
        return 2;
    }
    char *end;
    long n = strtol(argv[1], &end, 10);
    if (*end || n < 1 || n > 1000000) {
        fprintf(stderr, "genbench: N must be 1..1000000, not '%s'\n", argv[1]);
        return 2;
    }
    rng_state ^= (unsigned long long)n * 0x2545F4914F6CDD1DULL;
    make_model((int)n);
    make_prose((int)n);
    buf plan = {0}, paper = {0}, md = {0}, typ = {0};
    write_plan(&plan, (int)n);
    write_paper(&paper, (int)n);
    write_peers(&md, &typ, (int)n);
    if (write_file(argv[2], "plan.yaml", &plan) || write_file(argv[2], "paper.md", &paper) ||
        write_file(argv[2], "peer.md", &md) || write_file(argv[2], "peer.typ", &typ))
        return 1;
    return 0;
}
