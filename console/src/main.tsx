import { render } from "preact";
import { adoptKeyFromFragment } from "./api.js";
import { CasePage } from "./pages/CasePage.js";
import { QueuePage } from "./pages/Queue.js";
import { ReportPage } from "./pages/ReportPage.js";
import { TenantPage } from "./pages/TenantPage.js";
import { href, interceptLinks, useRoute, type Route } from "./router.js";
import { t } from "./strings.js";
import "./styles.css";

adoptKeyFromFragment();

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "queue":
      return <QueuePage query={route.query} />;
    case "case":
      return <CasePage key={route.id} id={route.id} />;
    case "tenant":
      return <TenantPage key={route.id ?? ""} id={route.id} />;
    case "report":
      return <ReportPage query={route.query} />;
  }
}

function App() {
  const route = useRoute();
  const current = (page: Route["page"]) => (route.page === page ? "page" : undefined);
  return (
    <>
      <header class="top">
        <a class="brand" href={href("")}>
          {t.appName}
        </a>
        <nav aria-label="Main">
          <a href={href("")} aria-current={current("queue")}>
            {t.nav.queue}
          </a>
          <a href={href("tenants")} aria-current={current("tenant")}>
            {t.nav.tenant}
          </a>
          <a href={href("reports")} aria-current={current("report")}>
            {t.nav.report}
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

const root = document.getElementById("app")!;
interceptLinks(root);
render(<App />, root);
