"""1C's own exchange client, re-enacted from its BSL code (common module ОбменССайтом: the БЭД
library's in УТ 11 / ERP 2 / КА 2, and УНФ's own) so that protocol tests rest on what 1C does,
not on our guess. ../shared/reference/onec-client.md gives the code's line numbers.

It succeeds where 1C succeeds and fails where 1C fails, raising OneCFailed with 1C's message:
БЭД stops when init answers other than exactly two lines; the cookie is lines 2 and 3 of
checkauth untrimmed; sessid is line 4 minus `sessid=`; a sale/query body must begin `<?xml` (or
be a zip `PK…` holding one xml; УНФ also takes `<КоммерческаяИнформация`); one document whose
ХозОперация is not «Заказ товара» or without Валюта fails the whole load, and then no
`mode=success` is sent; import is repeated on `progress` with no limit (a cap of PROGRESS_CAP
stands for "1C hangs").

Use::

    node = Node(variant="bed", portion=2, sessid=True, wait_import=True, retries=0)
    onec = OneC(flask_transport(app), "1c", PASSWORD, node)

    # a whole catalog as 1C exports it: files as conftest.catalog_files() gives them
    # (import*.xml, offers*.xml, import_files/…); split into portions of `node.portion`
    # goods / offers, each portion a session of its own (checkauth, init, file…, import…)
    sessions = onec.send_catalog(files)            # -> list[Session]
    onec.send_catalog(files, after=look)           # look(session) after each portion taken
    plan = catalog_portions(files, node)           # the same portions, not sent: list[list[(name, bytes)]]
    onec.send_session("catalog", plan[0])          # one portion's session by hand

    loaded = onec.load_orders()    # sale: checkauth → query → 1C loads them → success
    order = onec.orders["1001"]    # 1C's order, found by the shop's number as 1C finds it
    order.pay(); order.ship(); order.cancel()
    onec.send_orders([order])      # orders-<uuid>_<n>.xml written as 1C writes it, its session

Portions (`Node.portion`, «Количество товаров в одной порции»): the catalog is cut into
import0_1.xml, import0_2.xml, … then offers0_1.xml, …; the first portion of each kind says
СодержитТолькоИзменения="false" and carries the Классификатор, every later one says "true" and
has none; the pictures a portion's goods name go in the same session. A portion that fails is
sent again after the others of its kind (a new portion number, "only changes") up to
`Node.retries` times; the first goods portion failing ends the goods, and the offers follow
all the same. `portion=0` sends everything in one portion per kind.
`Node.folder` makes pictures' names carry 1C's own folder in front, as 1C on Linux sends them.
"""

from __future__ import annotations

import base64
import io
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from lxml import etree
from onec_files import (
    Node,
    OneCOrder,
    OrderLine,
    catalog_portions,
    child_text,
    onec_item_id,
    orders_file,
    portion_kind,
    retry_portion,
)

from sidecar.onec_client import Transport, exchange_order

PROGRESS_CAP = 10000  # 1C itself repeats import on `progress` forever


class OneCFailed(RuntimeError):
    """1C stopped the exchange; the message is 1C's own (and the reply it got)."""


@dataclass
class Call:
    method: str
    query: dict[str, str]
    headers: dict[str, str]
    status: int
    body: bytes


@dataclass
class Session:
    """One session 1C held: the files it sent and the import replies it got."""

    files: list[str]
    imported: dict[str, str] = field(default_factory=dict)  # xml name → last reply word
    ok: bool = True
    error: str = ""


def lines_of(text: str) -> list[str]:
    """Lines as СтрПолучитьСтроку sees them: split on LF only (a CR stays in the line); a final
    LF ends the last line rather than starting an empty one."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


class OneC:
    """One 1C base with one exchange node; `orders` are the site orders it has loaded, by the
    site's order number (1C's НомерЗаказаНаСайте)."""

    def __init__(self, transport: Transport, login: str, password: str, node: Node | None = None,
                 *, sleep: Callable[[float], None] = lambda s: None):  # fmt: skip
        self.transport, self.node, self.sleep = transport, node or Node(), sleep
        self._auth = "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()
        self.calls: list[Call] = []
        self.orders: dict[str, OneCOrder] = {}
        self.sessions: list[Session] = []  # of the last send_catalog
        self.sent_files: list[tuple[str, bytes]] = []  # (name, whole content) of orders files
        self._cookie: str | None = None
        self._token = ""  # what follows each call of the session: &sessid=… (and УНФ versions)
        self._numbers = 0

    # -- transport ---------------------------------------------------------------------------

    def _get(self, type_: str, mode: str, body: bytes | None = None, **params: str) -> str:
        """One call as the platform makes it: Basic auth always (HTTPСоединение holds the
        login), the session's cookie after checkauth; the body read as a string."""
        query = {"type": type_, "mode": mode, **params}
        if mode != "checkauth" and self._token:
            query.update(dict(p.split("=", 1) for p in self._token.split("&") if "=" in p))
        headers = {"Authorization": self._auth, "User-Agent": "1C+Enterprise/8.3"}
        if mode != "checkauth" and self._cookie is not None:
            headers["Cookie"] = self._cookie
        status, raw = self.transport("POST" if body is not None else "GET", query, body, headers)
        self.calls.append(Call("POST" if body is not None else "GET", query, headers, status, raw))
        return _as_string(raw)

    def modes(self) -> list[str]:
        return [c.query["mode"] for c in self.calls]

    # -- session -----------------------------------------------------------------------------

    def checkauth(self, type_: str) -> list[str]:
        """ВыполнитьАвторизациюДляСоединения (l. 5956): line 1 `success`; cookie from lines 2
        and 3 as they are; sessid from line 4."""
        self._cookie, self._token = None, ""
        reply = self._get(type_, "checkauth")
        lines = lines_of(reply)
        if not lines or lines[0].strip().lower() != "success":
            raise OneCFailed("Авторизация не выполнена. Не удалось установить соединение с"
                             f" сервером. Проверьте имя пользователя и пароль. ({reply!r})")  # fmt: skip
        line = lambda n: lines[n - 1] if len(lines) >= n else ""  # noqa: E731
        self._cookie = f"{line(2)}={line(3)}"
        if self.node.variant == "bed":
            if self.node.sessid:
                self._token = "&sessid=" + line(4).replace("sessid=", "")
        elif self.node.cms == "bitrix":
            self._token = "&" + line(4) if line(4) else ""
            if self.node.subordinate:
                self._token += "&version=2.09&cmlVersion=2.10"
        return lines

    def init(self, type_: str) -> tuple[bool, int]:
        """(zip, file_limit). БЭД: exactly two lines (l. 6063); УНФ: one line is enough for a CMS
        other than 1С-Битрикс. file_limit unparsable: -1, no cutting."""
        reply = self._get(type_, "init")
        lines = lines_of(reply)
        if reply == "" or (len(lines) != 2 if self.node.variant == "bed" else (
                len(lines) < 2 and self.node.cms == "bitrix")):  # fmt: skip
            raise OneCFailed("Выгрузка на сайт не выполнена. Не удалось прочитать ответ сервера."
                             f" Параметры обмена не получены. ({reply!r})")  # fmt: skip
        zipped = lines[0].strip().lower() == "zip=yes"
        if len(lines) < 2:
            return zipped, 0
        try:
            limit = int(Decimal(lines[1].strip().lower().replace("file_limit=", "")))
        except ArithmeticError:
            limit = -1
        return zipped, limit

    def send_session(self, type_: str, files: list[tuple[str, bytes]]) -> Session:
        """ВыгрузитьНаСайт (l. 6009): checkauth, init, every file (one zip under 1C's temporary
        name when the site allows zip; cut at file_limit, the parts under one name), then import
        of each xml unless the node says not to wait."""
        session = Session([name for name, _ in files])
        self.checkauth(type_)
        zipped, limit = self.init(type_)
        uploads = [(n if n.lower().endswith(".xml") or not self.node.folder
                    else f"{self.node.folder}/{n}", d) for n, d in files]  # fmt: skip
        if zipped:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, data in files:
                    zf.writestr(name, data)
            uploads = [(f"v8_{uuid.uuid4().hex[:4].upper()}_{len(self.calls)}.zip",
                        buf.getvalue())]  # fmt: skip
        for name, data in uploads:
            step = limit if limit > 0 else max(len(data), 1)
            for start in range(0, max(len(data), 1), step):
                reply = self._get(type_, "file", data[start : start + step], filename=name)
                word = lines_of(reply)[0].strip().lower() if reply else ""
                if word != "success":
                    raise OneCFailed(f"Произошла ошибка на стороне сервера. Файл не отправлен."
                                     f" ({name}). Ответ сервера: {reply!r}")  # fmt: skip
        if self._waits(type_):
            self._import(type_, [n for n, _ in files if n.lower().endswith(".xml")], session)
        return session

    def _waits(self, type_: str) -> bool:
        if not self.node.wait_import:
            return False
        if self.node.variant == "unf" and type_ == "sale":
            # ВыгружатьПошагово: only 1С-Битрикс with subordinate documents gets an import call
            return self.node.cms == "bitrix" and self.node.subordinate
        return True

    def _import(self, type_: str, xmls: list[str], session: Session) -> None:
        """Import of each xml, repeated on `progress` (УНФ waits 5 s between). БЭД goes on to
        the next file after a failure once one file succeeded (its ИмпортУспешноЗавершен is not
        reset per file), yet the session counts as failed."""
        any_done = False
        for name in sorted(xmls, key=exchange_order):
            for _ in range(PROGRESS_CAP):
                reply = self._get(type_, "import", filename=name)
                word = lines_of(reply)[0].strip().lower() if lines_of(reply) else ""
                session.imported[name] = word
                if word != "progress":
                    break
                if self.node.variant == "unf":
                    self.sleep(5)
            else:
                raise OneCFailed(f"{name}: import answered `progress` {PROGRESS_CAP} times")
            if word == "success":
                any_done = True
                continue
            session.ok = False
            session.error = f"{name}: Произошла ошибка на стороне сервера. Ответ сервера: {reply!r}"
            if not any_done or self.node.variant == "unf":
                break
        if not session.ok:
            raise OneCFailed(session.error)

    # -- catalog -----------------------------------------------------------------------------

    def send_catalog(self, files: Iterable[tuple[str, bytes]],
                     after: Callable[[Session], None] | None = None) -> list[Session]:  # fmt: skip
        """The catalog in portions, each a session: the goods (ВыгрузитьКаталог), then the
        offers (ВыгрузитьПакетПредложений) whatever became of the goods (l. 157–158).
        `after(session)` is called after each portion taken (a test may look at the shop
        there). The sessions held are in `self.sessions`, also when OneCFailed is raised."""
        self.sessions = []
        plan = catalog_portions(files, self.node)
        errors = []
        for kind in ("import", "offers"):
            try:
                self._send_portions([p for p in plan if portion_kind(p) == kind], after)
            except OneCFailed as exc:
                errors.append(str(exc))
        if errors:
            raise OneCFailed("; ".join(errors))
        return self.sessions

    def _send_portions(self, portions: list[list[tuple[str, bytes]]],
                       after: Callable[[Session], None] | None) -> None:  # fmt: skip
        """One kind's portions. A portion the site did not take is sent again once the others
        are sent, up to `Node.retries` times, under the next portion number as "only
        changes"; the first goods portion (it holds the Классификатор) failing ends the goods
        (l. 1690). A portion not taken in the end fails the export."""
        failed = []
        for number, portion in enumerate(portions, 1):
            try:
                self.sessions.append(self.send_session("catalog", portion))
            except OneCFailed:
                if number == 1 and portion_kind(portion) == "import":
                    raise
                failed.append(portion)
                continue
            if after is not None:
                after(self.sessions[-1])
        last = len(portions)
        for portion in failed:
            for _ in range(self.node.retries):
                last += 1
                try:
                    self.sessions.append(
                        self.send_session("catalog", retry_portion(portion, last, self.node))
                    )
                except OneCFailed:
                    continue
                if after is not None:
                    after(self.sessions[-1])
                break
            else:
                raise OneCFailed(f"{portion[0][0]}: not taken (retries: {self.node.retries})")

    # -- orders ------------------------------------------------------------------------------

    def load_orders(self) -> list[OneCOrder]:
        """ЗагрузитьЗаказыССайта (l. 3869): checkauth(sale) → [init: УНФ with 1С-Битрикс] →
        query → load every document (all or none) → success."""
        self.checkauth("sale")
        if self.node.variant == "unf" and self.node.cms == "bitrix":
            self._get("sale", "init")
        reply = self._get("sale", "query")
        raw = self.calls[-1].body
        if reply == "":
            raise OneCFailed("Загрузка заказов не выполнена. (empty reply)")
        heads = ("<?xml", "<КоммерческаяИнформация") if self.node.variant == "unf" else ("<?xml",)
        text = _unzip_one(raw) if raw.startswith(b"PK") else (
            reply if reply.startswith(heads) else "")  # fmt: skip
        if not text.strip():
            raise OneCFailed("Не удалось прочитать данные, загруженные с сервера."
                             f" ({reply[:80]!r})")  # fmt: skip
        loaded = self._take_orders(text)
        done = self._get("sale", "success")
        if self.node.variant == "unf" and done.startswith("failure"):
            raise OneCFailed(f"Загрузка заказов не выполнена. ({done!r})")
        return loaded

    def _take_orders(self, text: str) -> list[OneCOrder]:
        try:
            # ЧтениеXML.УстановитьСтроку reads characters: the declared encoding plays no part
            body = re.sub(r"^<\?xml[^>]*\?>", "", text)
            root = etree.fromstring(body, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError as exc:
            raise OneCFailed(f"Не удалось прочитать XML: {exc}") from exc
        docs = [d for d in root if etree.QName(d).localname == "Документ"]  # not in Контейнер
        planned: list[OneCOrder] = []
        for doc in docs:
            op = child_text(doc, "ХозОперация")
            if op.lower() != "заказ товара":
                raise OneCFailed("Не удалось обработать документы, загруженные с сервера. Ошибка"
                                 f" в значении узла <Документ>.<ХозОперация> документа XML ({op})")  # fmt: skip
            if not child_text(doc, "Валюта"):
                raise OneCFailed("Не удалось обработать документы, загруженные с сервера. Ошибка"
                                 " в значении узла <Документ>.<Валюта> документа XML ()")  # fmt: skip
            planned.append(self._order_from(doc))
        for order in planned:  # the transaction commits only when every document was taken
            known = self.orders.get(order.site_number)
            if known is not None:
                order.guid, order.number, order.date = known.guid, known.number, known.date
            self.orders[order.site_number] = order
        return planned

    def _order_from(self, doc) -> OneCOrder:
        self._numbers += 1
        prefix = "УТ" if self.node.variant == "bed" else "УНФ"
        lines = []
        for item in doc.iterfind("{*}Товары/{*}Товар"):
            ext = child_text(item, "Ид")
            lines.append(OrderLine(onec_item_id(ext), child_text(item, "Наименование"),
                                   Decimal(child_text(item, "ЦенаЗаЕдиницу") or 0),
                                   Decimal(child_text(item, "Количество") or 0),
                                   Decimal(child_text(item, "Сумма") or 0)))  # fmt: skip
        requisites = {child_text(r, "Наименование"): child_text(r, "Значение")
                      for r in doc.iterfind("{*}ЗначенияРеквизитов/{*}ЗначениеРеквизита")}  # fmt: skip
        return OneCOrder(
            guid=str(uuid.uuid4()), number=f"{prefix}-{self._numbers:06d}", date=datetime.now(),
            site_number=child_text(doc, "Номер")[:11], site_date=child_text(doc, "Дата"),
            site_time=child_text(doc, "Время"), currency=child_text(doc, "Валюта")[:3],
            total=Decimal(child_text(doc, "Сумма") or 0), lines=lines,
            cancelled=requisites.get("Отменен", "").lower() == "true",
        )  # fmt: skip

    def send_orders(self, orders: Iterable[OneCOrder] | None = None) -> list[Session]:
        """ВыгрузитьЗаказы (l. 3719): only orders that came from the site; `Node.portion`
        documents per file, each file orders-<uuid>_<n>.xml in a session of its own, a file the
        site did not take sent again up to `Node.retries` times."""
        todo = [o for o in (self.orders.values() if orders is None else orders)
                if o.site_number and o.site_date]  # fmt: skip
        size = self.node.portion or len(todo) or 1
        run = str(uuid.uuid4())
        sessions = []
        for n, start in enumerate(range(0, len(todo), size), 1):
            name = (f"orders-{run}_{n}.xml" if self.node.variant == "bed"
                    else f"orders-{uuid.uuid4()}_{n}.xml")  # fmt: skip
            data = orders_file(todo[start : start + size], self.node)
            self.sent_files.append((name, data))
            for attempt in range(self.node.retries + 1):
                try:
                    sessions.append(self.send_session("sale", [(name, data)]))
                    break
                except OneCFailed:
                    if attempt == self.node.retries:
                        raise
        return sessions


# -- small helpers ------------------------------------------------------------------------------


def _as_string(raw: bytes) -> str:
    """ПолучитьТелоКакСтроку(): the charset the reply declares (the sidecar's Content-Type
    says the same as its XML declaration), else UTF-8; a BOM stays a character."""
    head = raw[:100].lower()
    encoding = "cp1251" if b'encoding="windows-1251"' in head else "utf-8"
    return raw.decode(encoding, "replace")


def _unzip_one(raw: bytes) -> str:
    """РаспаковатьZIPАрхив (l. 6730): exactly one xml in the zip, else nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            xmls = [n for n in zf.namelist() if n.lower().endswith(".xml")]
            return _as_string(zf.read(xmls[0])).lstrip("\ufeff") if len(xmls) == 1 else ""
    except zipfile.BadZipFile:
        return ""
