// The Japanese guide: the same keys as en-guide.ts (TypeScript checks it against `Guide`), in the glossary's
// terms (glossary.json). Loaded with ja.ts by a Japanese run (words/index.ts).
import type { Guide } from './en-guide.js';

export const jaGuide: Guide = {
  keyTypeLong: {
    'long-term': '長期のアクセスキー（IAM ユーザーまたはルートユーザー）',
    temporary: '一時的なアクセスキー（AWS STS のセッション）',
    'bearer-token': 'AWS STS のサービスベアラートークン用のキー',
    'context-specific': 'コンテキスト固有の認証情報',
    unknown: 'アクセスキー',
  },

  rootKeyType: '【ルートユーザー】の長期のアクセスキー',

  help: {
    usage: 'keywarden <コマンド> [オプション]',
    // yargs' Japanese says 選択してください (an order) for choices and 真偽 for boolean; and its built-in options in the polite style.
    yargsStrings: { 'choices:': '選択肢:', boolean: '真偽値', 'Show help': 'ヘルプを表示します', 'Show version number': 'バージョンを表示します', 'Positionals:': '位置引数:' },
    commands: {
      scan: 'ファイル、インデックス、履歴、範囲、または標準入力から AWS の認証情報を探します',
      remediate: '漏洩時の対応手順を、見つかったキーに合わせた実際のコマンド付きで表示します',
      baseline: '現在の検出結果をベースラインとして書き出します（--output FILE）',
      init: '現在のリポジトリに pre-commit フックを設定します',
      merge: '（複数のリポジトリの）JSON レポートを一つにまとめます。キーごとに一度だけ、見つかった場所をすべて付けて報告します',
    },
    exitCodes: '終了コード: 0 検出なし、1 検出あり、2 使い方・設定・実行時のエラー。',
    historyHelp: [
      'コミットの指定:',
      '  --history              すべての ref（ブランチ、タグ、リモート）と stash の全コミット',
      '  --history main v2.0    指定した ref またはコミットの全履歴（ルートコミットを含む）',
      '  --range main..HEAD     HEAD にあって main にないコミット（プルリクエスト）。--since main も同じ',
      '  --range A...B          A と B のどちらか一方にだけあるコミット',
      '  --range A^!            コミット A だけ（A^-1 は A^..A、A^@ は親コミットの履歴）',
      '  --range "^A B"         B にあって A にないコミット。"B --not A" とも書けます',
      '範囲には除外するコミットの指定が必要です。A だけを指定すると、A の全履歴になります（--history A と同じ）。',
      'git のオプション（--all、--branches）は受け付けません。--history にパスは指定できません。',
      'ファイルをスキャンするには keywarden scan PATH を使います。',
    ],
    demandCommand: 'コマンドを指定してください: scan、remediate、baseline、init、merge（それぞれの説明は keywarden --help）',
    invalidArguments: '引数が正しくありません',
    options: {
      staged: 'ステージした内容（インデックスの変更）をスキャンします（pre-commit 用）',
      history: 'すべての ref（と stash）から到達できる全コミットをスキャンします。REF... を指定すると、そのブランチ、タグ、コミットの全履歴だけをスキャンします',
      range: 'git rev-list と同じ解釈で、範囲内のコミットをスキャンします: BASE..HEAD（プルリクエスト）、A...B、A^!（1 コミット）、"^A B"、"B --not A"',
      since: 'REF..HEAD のコミットをスキャンします',
      stdin: '標準入力をスキャンします',
      'commit-msg': 'コミットメッセージのファイルをスキャンします（commit-msg フックが git のファイルを $1 で渡します）。メッセージにキーがあるとコミットを止めます',
      'pre-receive': 'サーバー側の pre-receive フック: 標準入力から git の `old new ref` の行を読み、既存の ref にない、プッシュで届いたコミットをスキャンします。検出が 1 件でもあればプッシュを拒否します',
      timeout: '--pre-receive 用: スキャンにかけてよい秒数（デフォルト 60）。超えたときの扱いは --on-timeout で決めます',
      'on-timeout': '--pre-receive 用: --timeout を超えたとき、closed ならプッシュを拒否（デフォルト）、open なら警告付きで受け付けます',
      'stdin-name': '標準入力を報告するときのファイル名',
      format: 'レポートの形式: text|json|sarif|github|html（merge は text|json|sarif|html、remediate は text|markdown|json）',
      output: 'レポートを標準出力ではなく FILE に書き込みます',
      config: '設定ファイル（デフォルト: 最も近い .keywarden.json、または package.json の "keywarden"）',
      baseline: '許可した検出結果を記録したベースラインファイル',
      redact: 'シークレットアクセスキーとセキュリティトークンをマスクします（--no-redact でそのまま表示）',
      'max-file-size': 'これより大きいファイルをスキップします（バイト数、または 10MB などの指定）',
      'allow-missing': 'スキャンに必要な blob がリポジトリにない場合（部分クローン、破損したオブジェクト）も終了コードを 0 か 1 にします。警告には引き続き一覧が出ます',
      'no-default-ignores': '.git/ と node_modules/ フォルダーもたどります',
      verbose: 'スキップしたファイルとその理由、許可した検出結果を表示します',
      quiet: '進捗も注記も出さず、レポートだけを出力します',
      debug: '想定外のエラーのスタックトレースを表示します',
      report: '対応手順の元にする keywarden の JSON レポート（- で標準入力から読みます）',
      key: '対応手順を作るアクセスキー ID（複数回指定できます）',
      replacements: 'git filter-repo / BFG の --replace-text 用の置換ファイル（シークレットを含みます）を FILE に書き込みます',
      verify: '見つかったキーのペアが有効かどうかを AWS STS に問い合わせます（ネットワークを使います。デフォルトでは行いません）',
      'only-verified':
        'STS が有効と確認したキーの検出結果だけを報告します（--verify を含みます。1 件でもあれば終了コード 1、なければ 0）。STS が確認できなかったキー（無効、期限切れ、応答なし、未確認）は除外します。優先順位付けのための絞り込みです。コミットやマージを止める判定には使わないでください',
      'sts-endpoint': '--verify で使う STS のエンドポイント',
      'verify-timeout': '--verify で STS の応答を待つ秒数',
      force: '既存のフックを上書きするか、keywarden の後に実行されるよう残します',
      lang: 'メッセージの言語: en または ja（デフォルト: LC_ALL、LC_MESSAGES、LANG から判断し、それ以外は en）',
    },
  },

  html: {
    title: 'keywarden レポート',
    heading: 'AWS の認証情報が見つかりました',
    clean: 'AWS の認証情報は見つかりませんでした。',
    generated: (version) => `keywarden ${version}`,
    scanned: (mode, target) => `スキャン: ${target} の${mode}`,
    counts: (findings, keys, repositories) => `検出 ${findings} 件、ローテーションするキー ${keys} つ${repositories > 0 ? `（${repositories} 個のリポジトリ）` : ''}`,
    redacted: 'シークレットアクセスキーとセキュリティトークンはマスクしています。',
    unredacted: 'このレポートにはシークレットがそのまま入っています（--no-redact）。シークレットそのものと同じ扱いで保管してください。',
    findings: '検出結果',
    filter: '検出結果の絞り込み',
    filterPlaceholder: 'ファイル、アクセスキー ID、コミット、作成者…',
    shown: '{count} 件中 {from}〜{to} 件を表示',
    shownFiltered: '一致した {count} 件中 {from}〜{to} 件を表示（全 {total} 件）',
    previous: '前へ',
    next: '次へ',
    noScript: '検出結果の表には JavaScript が必要です。下のカードに、すべてのキーと見つかった場所を載せています。',
    columns: {
      repository: 'リポジトリ',
      file: 'ファイル',
      line: '行',
      kind: '認証情報',
      secret: '値',
      keyId: 'アクセスキー ID',
      verification: '状態',
      commit: 'コミット',
      date: '日付',
      author: '作成者',
      subject: '件名',
    },
    keys: 'ローテーションするキー',
    unpaired: 'アクセスキー ID が見つからないシークレットアクセスキー',
    moreKeys: (more) => `ほか ${more} つのキーは検出結果の表にあります。\`keywarden remediate --report\` で、すべてのキーの対応手順を書き出せます。`,
    type: '種類',
    account: 'アカウント',
    accountUnknown: '不明',
    verification: '確認',
    notVerified: '確認していません（--verify を付けてスキャンすると AWS STS に問い合わせます）',
    where: (places, repositories) => `${repositories > 1 ? `${repositories} 個のリポジトリの ` : ''}${places} か所で見つかりました`,
    steps: '対応手順（済んだ手順にはチェックを付けてください）',
    how: '方法',
    sameAs: (step, keyId) => `${keyId} の手順 ${step} と同じです。一度だけ行ってください。`,
    commit: (sha) => `コミット ${sha}`,
    timeline: '各キーが追加された日',
    moreOnDay: (more) => `ほか ${more} つのキー`,
    timelineNote: '各キーを含む最も古いコミットの日付です。漏洩してからの期間が長いキーほど、コピーされている可能性が高くなります。',
    status: {
      live: '有効（LIVE）: キーは使える状態です',
      invalid: '無効（削除済み、または最初から有効ではない）',
      expired: '期限切れ',
      'secret-mismatch': 'キーは存在しますが、シークレットが対ではありません',
      unknown: '不明（STS が応答しませんでした）',
    },
    modes: {
      files: 'ファイル',
      staged: 'ステージされた変更',
      history: '履歴',
      range: 'コミット範囲',
      stdin: '標準入力',
      'pre-receive': 'プッシュ',
      'commit-msg': 'コミットメッセージ',
    },
  },

  remediate: {
    reportOrScan: '--report と --key は指定したものから対応手順を作ります。スキャンのオプションを外すか、スキャンするなら --report と --key を外してください',
    badKey: (raw) => `--key には AWS のアクセスキー ID（AKIA… または ASIA… に続けて A-Z、2-7 の 16 文字）を指定してください（指定値: '${raw}'）`,
    nothingTitle: '## keywarden 漏洩対応手順',
    nothing: '対応するものはありません: AWS の認証情報は見つかりませんでした。',
    theReport: 'レポート',
    redacted: (report) =>
      `${report} のシークレットはマスクされているため、置換ファイルに書き出せません。マスクしていないレポートをパイプで渡す（\`keywarden scan … --format json --no-redact | keywarden remediate --report - --replacements FILE\`）か、remediate 自身にスキャンさせてください。`,
    onlyKeyIds: '分かっているのはアクセスキー ID だけ（--key）のため、置換ファイルにはアクセスキー ID しか書き出せません。シークレットも含めるには、スキャン結果かマスクしていないレポートに対して remediate を実行してください。',
    needsSecrets: (report) =>
      `--replacements には本物のシークレットが必要ですが、--report ${report} はマスクされています。\`keywarden scan … --format json --no-redact\` の出力を \`keywarden remediate --report -\` にパイプで渡すか、remediate 自身にスキャンさせてください`,
    cannotWrite: (file, code) => `--replacements ${file} に書き込めません: ${code}`,
    wrote: (n, file) => `${file} に置換ルールを ${n} 件書き込みました。漏洩したシークレットが入っているため、リポジトリの外に置き、書き換えが終わったら削除してください`,
    inside: (file, cwd) => `警告: ${file} は ${cwd} の中にあります。決してコミットせず、リポジトリの外に移動してください`,
  },

  merge: {
    needsReports: 'merge には JSON レポートを 1 つ以上指定してください: keywarden merge REPORT...（keywarden scan --format json で書き出したもの）',
    merged: (reports, findings, keys, output) => `${reports} 個のレポートをまとめました: 検出 ${findings} 件、ローテーションするキー ${keys} つ。${output} に書き込みました`,
    cannotRead: (shown, code) => `レポート ${shown} を読み取れません: ${code}`,
    notJson: (shown, problem) => `レポート ${shown} は JSON ではありません（${problem}）。merge が読むのは keywarden scan --format json が書き出すものです`,
    notReport: (shown, problem) => `レポート ${shown} は keywarden のバージョン 1 の JSON レポートではありません: ${problem}`,
  },

  init: {
    notDependency:
      'keywarden がこのプロジェクトの依存関係に入っていません。どのクローンにも入るように `npm install --save-dev github:OWNER/keywarden` を実行してください（git の URL です。keywarden は npm レジストリにはありません。グローバルにインストールした keywarden でも動きます）',
    huskyWaiting: 'このクローンではまだ husky が有効になっていないため、keywarden のフックを hooks フォルダーにも置きました。`npm install` で husky が有効になると（prepare スクリプト）、以後は .husky/pre-commit が使われます',
    huskyUnused: 'このプロジェクトは husky を使っていないため、フックはこのクローンにだけ入っています。すべてのクローンで共有するには `npm install --save-dev husky` のあと、もう一度 `npx keywarden init` を実行してください',
    alreadyHook: (shown, name) => `${shown} はすでに keywarden の ${name} フックです。変更はありません`,
    updatedHook: (name, shown) => `${shown} の keywarden の ${name} フックを更新しました`,
    foreignHook: (shown, runs, chained) => `${shown} はすでにあり、keywarden のものではありません。そこに \`${runs}\` を追加するか、\`keywarden init --force\` を実行して既存のフックを ${chained} として残し、keywarden の後に実行されるようにしてください`,
    bothExist: (shown, chained) => `${shown} と ${chained} の両方があります。手で一つにまとめてから、もう一度 init を実行してください`,
    keptExisting: (chained) => `既存のフックを ${chained} として残しました。keywarden のスキャンを通過した後に実行されます`,
    installed: (name, shown, runs) => `keywarden の ${name} フックを ${shown} に導入しました（\`${runs}\` を実行します。keywarden は node_modules/.bin、PATH、npx の順に探します）`,
    prepareRunsHusky: (prepare) => `package.json の prepare スクリプトはすでに husky を実行しています（"${prepare}"）`,
    prepareSet: (next) => `package.json の prepare スクリプトを "${next}" にしました`,
    hookCreated: (file, command) => `\`${command}\` を実行する ${file} を作成しました`,
    hookAlreadyRuns: (file) => `${file} はすでに keywarden を実行しています`,
    hookAdded: (command, file, kept) => `${file} の先頭に \`${command}\` を追加しました（既存の ${kept} 行はそのままです）`,
    huskyActive: 'husky はすでに有効です（core.hooksPath = .husky/_）',
    huskySaid: (said) => `husky を実行しました。出力: ${said}`,
    huskyRan: (previous) => `husky を実行しました。core.hooksPath は .husky/_ になりました${previous !== null ? `（以前は ${previous}）` : ''}`,
    notRepository: 'init には作業ツリーのある git リポジトリが必要です。リポジトリの中で実行してください（先に git init）',
    manifestNotJson: (reason) => `package.json が有効な JSON ではありません: ${reason}`,
    manifestNotObject: 'package.json が JSON オブジェクトではありません',
    scriptsNotObject: 'package.json: "scripts" がオブジェクトではありません',
    noHooksFolder: (line) => `フックのフォルダーが見つかりません: ${line}`,
    hookMissing: (name, file) => `keywarden 自身の hooks/${name} がインストールに含まれていません（${file}）`,
    todo: (line) => `要対応: ${line}`,
    active: (messages) => `pre-commit フックが有効になりました。今後はすべてのコミット${messages ? '（とそのメッセージ）' : ''}で AWS の認証情報をチェックします。一度だけ省略するには \`git commit --no-verify\` を使います`,
  },

  summary: {
    scanned: (what, files, commits) => `スキャン対象: ${what}。ファイル ${files} 個、コミット ${commits} 件。`,
    clean: ':white_check_mark: AWS の認証情報は見つかりませんでした。',
    found: (n) => `:x: **AWS の認証情報を ${n} 件検出しました。** シークレットアクセスキーとセキュリティトークンはマスクしています。`,
    header: '| ファイル | 行 | 認証情報 | 値 | ルール | コミット |',
    more: (n) => `…ほか ${n} 件は SARIF レポートを参照してください。`,
    tooLong: (n) => `${n} 件分の対応手順はジョブサマリーには長すぎます。同じスキャンオプションで \`keywarden remediate\` をローカルで実行してください。`,
    whatNow: '**今すぐやること:** まず各キーを無効化し（履歴を書き換えても漏洩はなかったことになりません）、そのうえでファイルからキーを削除します。実際のコマンドは下の対応手順にあります。',
    sarif: (path) => `SARIF レポートは ${path} にあります。github/codeql-action/upload-sarif でアップロードすると、Code scanning のアラートとして追跡できます。`,
    baseConfigTitle: 'keywarden: ベースコミットの設定',
  },

  action: {
    plan: {
      history: 'すべての ref のすべてのコミット（mode: history）',
      files: '作業ツリー（mode: files）',
      pullRequest: (number, range) => `プルリクエスト #${number} のコミット（${range}）`,
      workingTree: (event) => `作業ツリー（${event ? `${event} イベント` : 'イベントなし'}）`,
      deleted: (name) => `なし: プッシュで ${name} が削除されました`,
      deletedNote: (name) => `プッシュで ${name} が削除されました。スキャンする新しいコミットはありません`,
      pushed: (range) => `プッシュされたコミット（${range}）`,
    },
    scanning: (what) => `スキャン中: ${what}`,
    inlineTitle: 'keywarden: このプルリクエストでインライン許可されたキー',
    incomplete: 'keywarden はスキャン対象の blob をすべて読むことができませんでした。警告を確認してください',
    found: (n) => `keywarden が AWS の認証情報を ${n} 件検出しました。アノテーションとジョブサマリーを確認してください`,
    unscanned: (n, files, more) => `${n} 個のファイルをスキャンしていないため、その中のキーは検出されません: ${files}${more > 0 ? `。ほか ${more} 個（\`args\` に --verbose を指定すると一覧を表示します）` : ''}`,
    inlineAllowed: (n, places, more) =>
      `このプルリクエストで追加された認証情報 ${n} 件には keywarden:allow が付いているため、報告していません: ${places}${more > 0 ? ` ほか ${more} 件` : ''}。本物のキーでないことを、レビュアーが 1 件ずつ確認してください。`,
    badLang: (value) => `入力 'lang' には en か ja を指定してください（指定値: '${value}'）`,
    badBoolean: (name, value) => `入力 '${name}' には true か false を指定してください（指定値: '${value}'）`,
    badMode: (mode) => `入力 'mode' には auto、files、history のいずれかを指定してください（指定値: '${mode}'）`,
    unclosedQuote: (quote) => `入力 'args' の ${quote} の引用符が閉じられていません`,
  },

  /** The titles of the pages the playbook cites (src/remediation/references.ts has their addresses), and the address of each page's edition in this language. */
  references: {
    titles: {
      'access-key-best-practices': 'AWS 全般のリファレンス: AWS アクセスキーを管理するためのベストプラクティス',
      'managing-access-keys': 'IAM ユーザーガイド: IAM ユーザーのアクセスキーの管理',
      'iam-best-practices': 'IAM ユーザーガイド: IAM でのセキュリティのベストプラクティス',
      'temporary-credentials': 'IAM ユーザーガイド: IAM の一時的な認証情報',
      'unauthorized-activity': 'AWS re:Post ナレッジセンター: AWS アカウントで不正なアクティビティに気付いた場合の対処方法',
      'revoke-sessions': 'IAM ユーザーガイド: IAM ロールの一時的なセキュリティ認証情報を取り消す',
      'root-keys': 'IAM ユーザーガイド: ルートユーザーのアクセスキーを削除する',
      'get-access-key-info': 'AWS STS API リファレンス: GetAccessKeyInfo',
      'cloudtrail-lookup': 'AWS CloudTrail ユーザーガイド: AWS CLI で最近の管理イベントを表示する',
      'credential-report': 'IAM ユーザーガイド: AWS アカウントの認証情報レポートの取得',
      'report-abuse': 'AWS re:Post ナレッジセンター: AWS リソースの不正利用を報告する方法',
      'github-sensitive-data': 'GitHub Docs: リポジトリからの機密データの削除',
      'filter-repo': 'git filter-repo のマニュアル（--replace-text）',
      'bfg': 'BFG Repo-Cleaner の公式サイト',
      'bedrock-api-keys': 'IAM ユーザーガイド: Amazon Bedrock の API キー',
      'service-specific-credentials': 'IAM API リファレンス: UpdateServiceSpecificCredential',
      'ses-smtp-credentials': 'Amazon SES デベロッパーガイド: Amazon SES SMTP 認証情報の取得',
      'cloudfront-key-pairs': 'CloudFront デベロッパーガイド: 署名付き URL と署名付き Cookie を作成できる署名者の指定',
      'appsync-api-keys': 'AWS AppSync デベロッパーガイド: 認可と認証の設定（API_KEY）',
      'console-passwords': 'IAM ユーザーガイド: IAM ユーザーのパスワードの管理',
    },
    // AWS's pages in Japanese are under /ja_jp/, re:Post's under /ja/, GitHub Docs' under /ja/; others have none.
    url: (url) =>
      url
        .replace('https://docs.aws.amazon.com/', 'https://docs.aws.amazon.com/ja_jp/')
        .replace('https://repost.aws/knowledge-center/', 'https://repost.aws/ja/knowledge-center/')
        .replace('https://docs.github.com/en/', 'https://docs.github.com/ja/'),
  },

  playbook: {
    placeholders: { role: '  # 上で調べたロール名に置き換えます', user: '           # 上の一覧のユーザー名に置き換えます', oldKey: '  # 置き換える古いアクセスキー ID' },
    title: (headline) => `keywarden 漏洩対応手順: ${headline}`,
    headline: (keys, accessKeysOnly, unpaired) => {
      const parts: string[] = [];
      if (keys > 0) parts.push(`漏洩した AWS ${accessKeysOnly ? 'アクセスキー' : '認証情報'} ${keys} 件`);
      if (unpaired > 0) parts.push(`アクセスキー ID のないシークレット ${unpaired} 件`);
      return parts.join('、');
    },
    introKeys: 'キーごとに、手順を順番に進めてください。コマンドには実際のアクセスキー ID を入れてあります。シークレットを含むコマンドはありません。`aws` コマンドは、キーを所有するアカウントの認証情報で実行してください。',
    introNoKeys: '手順を順番に進めてください。シークレットを含むコマンドはありません。`aws` コマンドは、シークレットが属している可能性のあるアカウントの認証情報で実行してください。',
    tip: (tip) => `ヒント: ${tip}`,
    keyHeading: (index, total, keyId, typeLabel, accountId, ownership) =>
      `キー ${index}/${total}: ${keyId} — ${typeLabel}、${accountId ? `アカウント ${accountId}` : 'アカウント不明'}${ownership === 'foreign' ? '、【注意】自社のアカウントではありません' : ownership === 'own' ? '、自社のアカウント' : ''}`,
    foundAt: '検出箇所:',
    inCommit: (sha) => `（コミット ${sha}）`,
    secretFound: (redacted) => `シークレットアクセスキーも一緒に見つかりました${redacted ? '（レポートではマスク済み）' : ''}`,
    tokenFound: (redacted) => `セキュリティトークンも一緒に見つかりました${redacted ? '（レポートではマスク済み）' : ''}`,
    noSecret: 'シークレットアクセスキーは一緒に見つかっていません（アクセスキー ID だけではリクエストに署名できませんが、シークレットアクセスキーも漏洩したものとして扱ってください）',
    pairingSentence: (parts) => parts.join('。') + '。',
    unpairedHeading: 'アクセスキー ID が見つからないシークレットアクセスキー',
    rewriteHeading: '履歴の書き換え（キーの削除または取り消しが済んでから）',
    sources: '参考資料',
    see: '参照: ',
    sameAs: (step, keyId) => `上の ${keyId} の手順 ${step} と同じです。一度だけ行ってください。`,
    sameAsMarkdown: (step, keyId) => `上の ${keyId} の手順 ${step} と同じです。一度だけ行ってください。`,
    label: (label) => (/[？?：:。]$/.test(label) ? label : `${label}:`),
    theSecretsWithoutKeyId: 'アクセスキー ID のないシークレット',

    notes: {
      staged:
        'これらの認証情報はコミット前のステージされた変更で見つかったもので、git の履歴には入っていません。ファイルから取り除いてステージし直してください。残りの手順は、ファイルを別の経路（チャット、バックアップ、プッシュしたブランチなど）で共有していた場合に必要な予防措置です。',
      redacted:
        'レポートのシークレットはマスクされているため、置換ファイルに書き出せません。マスクしていないレポートをパイプで渡す（`keywarden scan … --format json --no-redact | keywarden remediate --report - --replacements FILE`）か、`keywarden remediate` 自身にスキャンさせてください。どちらの場合も値はメモリ上にだけ置かれ、表示されることはありません。',
      accountsTip: '設定ファイルの "accounts" に自社の AWS アカウント ID を列挙すると、それ以外のアカウントのキーは外部のキー（カナリアトークンや第三者のキー）として表示されます。',
      olderFormat: (keyId) => `このアクセスキー ID は旧形式のため、オフラインではアカウントを判別できません。\`aws sts get-access-key-info --access-key-id ${keyId}\` で確認できます。`,
      foreignKey: (account, accounts) =>
        `アカウント ${account} は自社のアカウント（${accounts}）ではありません。カナリアトークン（漏洩検知のために仕掛けられたおとりのキーで、使うと所有者に通知されます）か、第三者（ベンダー、顧客、どこかからコピーされたもの）のキーの可能性があります。使用、テスト、削除はせず、所有者に知らせてください。`,
      foreignCredential: (account, accounts) =>
        `アカウント ${account} は自社のアカウント（${accounts}）ではありません。この認証情報を使用したりテストしたりせず、所有者（ベンダー、顧客、パートナーチーム）に知らせて取り消してもらってください。`,
      notChecked: (reason) => `--verify: 確認していません: ${reason}。`,
      belongsTo: (who) => ` 所有者: ${who}。`,
      live: (who) => `--verify: 有効（LIVE）。AWS STS がこのキーのペアを受け付けました。キーを持っている人なら誰でも今すぐ使えます。${who}`,
      invalid: (code) =>
        `--verify: 無効。STS はこのアクセスキー ID を受け付けません（${code}）。削除済み、無効化済み、または最初から有効ではなかったキーです。無効化したキーは再び有効にできるため、それでも削除し、使えなくなる前の利用を手順 3 で確認してください。`,
      expired: (code) => `--verify: 期限切れ。セキュリティトークンの有効期限が切れています（${code}）。期限切れになるまでは使える状態だったため、それでもロールの古いセッションを取り消し、手順 3 で利用状況を確認してください。`,
      mismatch: (code) => `--verify: アクセスキー ID は存在しますが、一緒に見つかったシークレットは対になるものではありません（${code}）。キーは有効なものとして扱ってください。本物のシークレットが別の場所にある可能性があります。`,
      unknown: (detail) => `--verify: 不明（${detail}）。キーが有効かどうかは分かりません。有効なものとして扱ってください。`,
    },
    principal: {
      root: (account) => `アカウント ${account} のルートユーザー`,
      user: (name, account) => `アカウント ${account} の IAM ユーザー ${name}`,
      role: (name, account) => `アカウント ${account} のロール ${name} のセッション`,
      federated: (name, account) => `アカウント ${account} のフェデレーションユーザー ${name}`,
    },
    setup: 'まず、以下のコマンドを実行するシェルで次の変数を設定します',
    ownerComment: '# キーを所有する IAM ユーザー',
    regionsComment: '# アカウントで有効な全リージョン',

    removeData: {
      title: '漏洩したデータを削除する',
      takeOut: 'コードから今すぐキーを削除し、AWS 認証情報ファイル（~/.aws/credentials）または環境変数から読み込むように変更して、その変更をコミットしてください。',
      staged: (what) =>
        `コミット前に検出されました。ファイルのステージを解除し（\`git restore --staged FILE\`）、${what === 'key' ? 'キー' : what === 'secret' ? 'シークレット' : '認証情報'}を削除してから、もう一度ステージしてください。`,
      publicForeign:
        'キーを含むコミットを一度でもプッシュしたなら、キーは公開されたものと考えてください。GitHub 上のキーは自動収集ツールに数分で見つかります。まず所有者に知らせ（手順 2）、履歴の書き換えはその後です。すでにキーをコピーした人は、書き換えでは止められません。',
      public:
        'キーを含むコミットを一度でもプッシュしたなら、キーは公開されたものと考えてください。GitHub 上のキーは自動収集ツールに数分で見つかります。キーの削除が先、履歴の書き換えは後です。すでにキーをコピーした人は書き換えでは止められないため、手順 2 と 3 を済ませてから履歴を書き換えてください。',
      inHistory:
        'キーを追加したコミットは上の一覧のとおりです。キーを削除または取り消した後、下の「履歴の書き換え」にある置換ファイルとコマンドで、すべてのコミットからキーを取り除いてください。',
      listCommits: '下のコマンドで、キーを含むコミットを一覧表示してください。該当するコミットがあれば、キーを削除または取り消した後、下の「履歴の書き換え」ですべてのコミットから取り除きます。',
      grepLabel: '作業ツリー内でアクセスキー ID がある場所',
      logLabel: 'キーを追加または削除した、すべてのブランチとタグのコミット',
      unpairedSecret:
        '上記のファイルからシークレットを削除してコミットしてください。それを含むコミットを一度でもプッシュしたなら、公開されたものと考えてください。履歴の書き換え（下記）の前にキーを置き換えます（手順 2〜4）。すでにコピーした人は、書き換えでは止められません。',
      unpairedCredential:
        '上記のファイルから認証情報を削除してコミットしてください。それを含むコミットを一度でもプッシュしたなら、公開されたものと考えてください。GitHub 上の認証情報は自動収集ツールに数分で見つかります。履歴の書き換え（下記）の前に取り消します（次の手順）。すでにコピーした人は、書き換えでは止められません。',
      filesLabel: 'これらのファイルを変更したコミット',
    },
    deleteKey: {
      title: 'アクセスキーを削除する',
      accountLabel: 'キーを所有するアカウント（どのアカウントの認証情報でも実行できます）',
      rootKeysLabel: 'ルートユーザーにアクセスキーがあるか（1 = あり。どの IAM ユーザーのものでもなければ、ルートユーザーのキーです）',
      deactivateLabel: 'まず無効化する（元に戻せます）',
      deleteLabel: '次に削除する（元に戻せません）',
      known: (name) => `--verify の結果、このキーは IAM ユーザー ${name} のものです。`,
      unknown: '`aws sts get-access-key-info` でアカウントが、`aws iam get-access-key-last-used`（上で一度実行して OWNER に入れたもの）でキーを所有する IAM ユーザーが分かります。',
      inactiveFirst:
        'まずキーを無効化（Inactive）します。以後このキーで署名したリクエストは失敗し、依存しているものが動かなくなった場合は元に戻すこともできます。そのようなアプリケーションには、漏洩したキーを戻すのではなく新しいキー（手順 4）を渡し、そのうえで漏洩したキーを削除してください。',
      maybeRoot:
        'get-access-key-info が自社のアカウントを示しているのに OWNER が空、またはルートユーザーを示している（コマンドが失敗する、または `root` と表示される）場合、それはルートユーザーのキーです。ルートユーザーのキーは請求情報を含むすべてにアクセスでき、ポリシーで制限することもできません。ルートユーザーでサインインし、[セキュリティ認証情報] を開いて、[アクセスキー] でこのキーを選択し、[アクション] → [非アクティブ化]、続けて [削除] を選んでください。ルートユーザーにはアクセスキーを一つも持たせないでください。',
      permanent: '削除は元に戻せません。削除したキーは復元できず、シークレットアクセスキーはキーの作成時にしか表示されません。まだこのキーを使っているアプリケーションには新しいキーが必要です。',
      quarantine: 'AWS がすでにユーザーに隔離用のポリシー（AWSCompromisedKeyQuarantine…）をアタッチし、サポートケースを作成している場合があります。これはキーでできることを制限するだけで、削除の代わりにはなりません。',
    },
    deleteRootKey: {
      title: 'アクセスキーを削除する（ルートユーザーのキーです）',
      text: (keyId) => [
        `--verify の結果、${keyId} はルートユーザーのキーです。ルートユーザーのアクセスキーは、請求情報やアカウントの解約を含め、アカウント内のすべてのリソースにアクセスでき、IAM ポリシーで制限することもできません。AWS はルートユーザーにアクセスキーを持たせないことを推奨しています。`,
        'ルートユーザーとして AWS マネジメントコンソールにサインインし、アカウント名 → [セキュリティ認証情報] を選び、[アクセスキー] でこのキーを選択し、[アクション] → [非アクティブ化]、続けて [削除] を選んでください。',
        'そのあと、ルートユーザーのパスワードを変更して MFA を有効にし、このキーを使っていたアプリケーションには、必要なアクセス許可だけを持つ IAM ロールか IAM ユーザーを使わせてください。',
      ],
      confirmLabel: '最後に確認する（0 = ルートユーザーのアクセスキーは残っていません）',
      warning: 'ルートユーザーのキーは、ルートユーザーでサインインしているときにしか削除できません。IAM の管理者にはできません。',
    },
    revokeSessions: {
      title: '一時的なセキュリティ認証情報を取り消す',
      whoLabel: 'セッションの持ち主: セッションを取得したロール（sessionIssuer）または IAM ユーザーを、全リージョンの CloudTrail から調べます（jq が必要です）',
      revokeLabel: (role) => (role ? `ロール ${role} の、現時点より前に発行されたセッションをすべて取り消す` : 'そのロールの、現時点より前に発行されたセッションをすべて取り消す（ROLE = 調べたロール名）'),
      temporary: (keyId) =>
        `${keyId} は AWS STS が発行した一時的なアクセスキーです。削除はできず、有効期限まで有効です（発行から 15 分〜36 時間。ロールのセッションは最長 12 時間）。期限切れを待つだけでは不十分です。今すぐ取り消してください。`,
      known: (role) => `--verify の結果、これはロール ${role} のセッションです。`,
      find: '取得した人を CloudTrail で調べます。AssumedRole のセッションなら sessionIssuer がロールです。IAMUser または Root の場合は、そのユーザーが GetSessionToken か GetFederationToken を実行しています。',
      forRole:
        'ロールの場合: IAM コンソールでロールを開き、[セッションの取り消し] タブで [アクティブなセッションの取り消し] を選びます。インラインポリシー AWSRevokeOlderSessions が追加され、その時点より前に発行されたセッションはすべて拒否されます。下のコマンドでも同じポリシーを追加します。',
      forUser:
        'IAM ユーザーのセッションの場合: 同じ拒否ポリシーをユーザーにアタッチし（`aws iam put-user-policy --user-name USER --policy-name AWSRevokeOlderSessions --policy-document …`）。ユーザーの長期のアクセスキーは新しいセッションを作成できるため、それらのローテーションも行います。ルートユーザーのセッションはポリシーで制限できないため、ルートユーザーのアクセスキーを削除して有効期限切れを待ちます。',
      source: '一時的なセキュリティ認証情報は、それを保持していた場所（CI のログ、ダンプされた環境変数、インスタンスメタデータのプロキシなど）ごと漏洩するのが普通です。その漏洩元を見つけて直さないと、新しいセッションも漏洩します。',
      warning:
        '取り消すと、正当なものも含めてロールの現在のセッションがすべて拒否されます。それらのユーザーやサービスは新しい認証情報を取得し直す必要があります（通常は自動で行われます）。サービスにリンクされたロールのセッションは取り消せません。',
    },
    notifyOwner: {
      title: 'キーを使用・削除せず、所有者に知らせる',
      text: (keyId, account) => [
        `${keyId} は自社のものではないアカウント ${account} のキーです。削除はできず、このキーで AWS を呼び出すと（テストであっても）他人の認証情報を使うことになり、カナリアトークンの通知が所有者に送られることもあります。そのため --verify もこのキーは確認しません。`,
        '誰のキーか分かる場合（ベンダー、顧客、パートナーチーム）は、削除してアカウントを確認してもらうよう知らせてください。自分で仕掛けたカナリアトークンなら、役目を果たしたということです。それ以外の場合は AWS に報告してください。AWS からアカウントの所有者に連絡が行きます。',
        'アカウントの不正利用の確認とキーのローテーションは、アカウントの所有者が行います。自分のコードがこのキーに頼っていた場合は、自社のアカウントの認証情報に切り替えてください。',
      ],
    },
    checkUse: {
      title: '全リージョンで不正利用されていないかを確認する',
      text: [
        'CloudTrail のイベント履歴には、リージョンごとに 90 日分の管理イベントが残ります。攻撃者は普段使っていないリージョンを選ぶため、有効な全リージョンを確認してください。IAM、STS などのグローバルサービスのイベントは us-east-1 にあります。',
        '確認するもの: 新しい IAM ユーザー、キー、パスワード（CreateUser、CreateAccessKey、CreateLoginProfile、UpdateLoginProfile）、新規または拡大したアクセス許可（AttachUserPolicy、PutUserPolicy、CreateRole、AttachRolePolicy、PutRolePolicy、UpdateAssumeRolePolicy、CreatePolicyVersion）、コンピューティング（RunInstances、RequestSpotInstances、CreateFunction20150331、UpdateFunctionCode20150331v2、ImportKeyPair、AuthorizeSecurityGroupIngress）、偵察（GetCallerIdentity、ListUsers、ListBuckets、GetSecretValue）、痕跡の隠蔽（StopLogging、DeleteTrail、UpdateTrail）。',
        '請求も確認してください。請求コンソールの「請求書」ページと Cost Explorer で、サービス別・リージョン別の料金が分かります。EC2 の急増や、使っていないリージョンでの料金が典型的な兆候です。身に覚えのないものが見つかったら、不正なアクティビティについての AWS のガイドに従ってください（作成していないリソースと IAM アイデンティティを削除し、AWS サポートに連絡します）。',
      ],
      eventsLabel: (keyId) => `${keyId === null ? '候補のキーそれぞれ' : `${keyId} `}で署名された CloudTrail の全イベント（リージョンごと）`,
      candidateComment: '# 手順 2 の候補のキーごとに 1 回ずつ実行します',
      lastUsedLabel: 'キーが最後に使用された日時、リージョン、サービス',
      warning: 'イベント履歴は管理イベントだけです。S3 オブジェクトや DynamoDB の項目の読み取りは、データイベントを記録する証跡がある場合にしか分かりません。',
    },
    rotate: {
      title: (accountId) => `${accountId ? `アカウント ${accountId} の` : ''}すべての IAM ユーザーのアクセスキーのローテーションを行う`,
      text: [
        'このキーを持っていた人は、ほかの認証情報を読んだり作成したりしたかもしれません。また、今回の漏洩はキーの扱い方そのものに問題があることを示しています。漏洩したキーだけでなく、すべての IAM ユーザーのキーのローテーションを行ってください。次の手順なら、アプリケーションを止めずに行えます:',
        '1. 最初のキーがアクティブな間に、ユーザーの 2 つ目のキーを作成します。ユーザーが持てるキーは最大 2 つです（使っていないキーがあれば先に削除します）。新しいシークレットアクセスキーはこのときにしか表示されないため、アプリケーションが読むシークレットの保管場所に直接保存してください。',
        '2. 古いキーを使っているすべてのアプリケーションとツールを、新しいキーを使うように更新します。',
        '3. 古いキーがもう使われていないことを確認します（`aws iam get-access-key-last-used`）。数日待ってから確認するとより安全です。',
        '4. 古いキーはすぐに削除せず、無効化（Inactive）します。',
        '5. 新しいキーだけですべてが動くことを確認します。動かなくなったものがあれば、古いキーを再び有効（Active）にし、そのアプリケーションを直して（2 に戻る）、繰り返します。',
        '6. しばらく様子を見て問題がなければ、古いキーを削除します。',
      ],
      listLabel: 'すべての IAM ユーザーのキーの状態、経過日数、最終使用日時（GNU date を使います。macOS では gdate）',
      daysOld: '日経過',
      lastUsed: '最終使用',
      reportLabel: '同じ内容を認証情報レポートから（CSV。ルートユーザーも含みます。レポートの準備ができていなければ 2 行目をもう一度実行します）',
      setLabel: 'ユーザーごとに、ユーザー名と置き換えるキーを設定します（上の一覧から）',
      createLabel: '1. 2 つ目のキーを作成する',
      usedLabel: '3. 古いキーはまだ使われているか？',
      deactivateLabel: '4. 古いキーを無効化する',
      deleteLabel: '6. 古いキーを削除する',
      warning: 'create-access-key は新しいシークレットアクセスキーをターミナルに一度だけ表示します。コード、チケット、チャットに貼り付けないでください。',
    },
    prevent: {
      title: '再発を防ぐ',
      text: [
        'キーはコードに書かないでください。AWS SDK と AWS CLI は、認証情報ファイル（~/.aws/credentials。`aws configure` で作成されます）と環境変数 AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY を読み込みます。共有マシンでは、システム全体ではなくユーザー単位の環境変数を使ってください。.env や認証情報ファイルは .gitignore に記載します。',
        '長期のアクセスキーの代わりに一時的なセキュリティ認証情報を使ってください: EC2 インスタンス、ECS タスク、Lambda 関数には IAM ロール、CI には OIDC フェデレーション（例: GitHub Actions からロールを引き受ける）、人間のユーザーには IAM Identity Center（`aws configure sso`）、モバイルアプリには Amazon Cognito を使います。アプリにキーを埋め込むことは、暗号化していても避けてください。',
        '最小特権: アプリケーションごとに必要なアクセス許可だけを持つ別々のキーを用意すれば、漏洩の被害を抑えられ、CloudTrail でもアプリケーションを区別できます。人間のユーザーには MFA を必須にし、ルートユーザーにはアクセスキーを持たせず、使っていないキーは削除してください。',
        'keywarden の pre-commit フックを導入してキーが二度とコミットされないようにし、CI でプルリクエストもスキャンしてください。',
      ],
      initLabel: 'このリポジトリに pre-commit フックを導入する',
      historyLabel: 'ときどき全履歴をチェックする',
    },
    history: {
      first: '上のキーをすべて削除または取り消してから行ってください。履歴を書き換えると新しいクローンからはキーが見えなくなりますが、すでに持っている人を止めることはできません。',
      written: (file, count) =>
        `置換ファイル ${file} には置換ルールが ${count} 件入っています（漏洩した各シークレット、その JSON と URL でエスケープした形、各アクセスキー ID）。git filter-repo と BFG のどちらでも使える形式です。`,
      write: (rerun) => `\`${rerun}\` で置換ファイルを書き出してください。git filter-repo と BFG のどちらでも使える形式です。漏洩した各シークレットがそのまま入るため、指定しない限り書き出しません。`,
      mergeFirst: '先に、開いているプルリクエストをマージまたはクローズし、手順 1 の削除をコミットしておいてください（BFG は最新のコミットを変更しないため、そこからはキーがすでに消えている必要があります）。',
      nothing: '書き換えるものはありません。認証情報はコミットではなく、ステージされた変更で見つかりました。',
      filterRepoLabel: 'git filter-repo（作業ツリーの隣に作る新しいミラークローンで実行します）',
      sdrComment: '# git filter-repo 2.47 以降なら --sensitive-data-removal を付けます（先にすべての ref を取得し、GitHub サポートが求める「最初に変更されたコミット」を一覧表示します）',
      emptyComment: '# 何も表示されないはずです（表示されたら置換漏れがあります）',
      originComment: '# filter-repo は誤ってプッシュしないよう origin を削除するため、追加し直します',
      archivesLabel:
        'アーカイブ内のキー: --replace-text は圧縮されたファイルの中までは書き換えられないため、アーカイブ自体もすべてのコミットから削除します（同じミラークローンで、プッシュの前に実行します。キーを除いて作り直したアーカイブは、あとでもう一度コミットしてください）',
      bfgLabel: 'または BFG Repo-Cleaner（同じファイルを使います）',
      warnings: [
        '最初に漏洩したコミット以降のすべてのコミットが新しい ID になります。全員がクローンし直す必要があり（古いクローンからプルやマージをするとシークレットが戻ってきます）、開いているプルリクエストは作り直しになります。',
        'フォーク、ほかのクローン、CI のキャッシュ、GitHub のプルリクエストの ref（refs/pull/*。プッシュでは変更できません）には古いコミットが残り、GitHub がキャッシュしたビューを保持していることもあります。キャッシュされたビューと参照されていないコミットの削除は GitHub サポートに依頼し、フォークの所有者にはフォークの削除を依頼してください。',
        '置換ファイルには漏洩したシークレットが入っています。リポジトリの外に置き、決してコミットせず、書き換えが終わったら削除してください。',
      ],
    },
    unpaired: {
      text: '以下のシークレットアクセスキーは、アクセスキー ID を伴わずに見つかりました。AWS ではシークレットからキーを調べることはできない（キーを特定できるのはアクセスキー ID だけ）ため、まずそれぞれがどのキーのものかを絞り込み、候補のキーはすべて漏洩したものとして扱ってください。以下の手順で利用状況を確認し、置き換えます。',
    },
    identifyKey: {
      title: '対応するアクセスキーの候補を探す',
      text: [
        'このキーは、シークレットを含んでいたファイルを使うアプリケーション、環境、または人のアクティブなキーのどれかです。同じファイル内のプロファイル名やユーザー名、それを読むサービス、コミットの作成者が手がかりになります。',
        'すべてのアクセスキーについて、最後に使用された日時、リージョン、サービスを一覧にして候補を選んでください。たとえば、そのアプリケーションが、そのリージョンで、コミットの前後に使っていたキーです。絞り込めなければ、アクティブなキーはすべて候補です。',
        '候補のキーはそれぞれ手順 3 と 4 に進みます。全リージョンで利用状況を確認し、置き換えてください。実際には対でなかったキーを置き換えても手間が増えるだけで害はありません。対のキーを見逃すと、漏洩が続きます。',
      ],
      reportLabel: 'アカウントのすべてのアクセスキー（ルートユーザーを含む）の状態と最終使用日時を、認証情報レポートから（レポートの準備ができていなければ 2 行目をもう一度実行します）',
      lastUsedLabel: '候補のキーが最後に使用された日時、リージョン、サービスと、キーを所有する IAM ユーザー',
    },
  },

  credentials: {
    labels: {
      bedrock: 'Amazon Bedrock 長期 API キー（IAM のサービス固有の認証情報）',
      serviceSpecific: 'IAM のサービス固有の認証情報（CodeCommit の Git 認証情報または Amazon Keyspaces のパスワード）',
      cloudfront: 'CloudFront キーペア（署名付き URL と署名付き Cookie 用のプライベートキー）',
      appsync: 'AWS AppSync API キー',
      console: 'IAM ユーザーのコンソールパスワード（credentials.csv）',
    },
    summary: {
      value: (redacted) => (redacted ? '見つかりました（レポートではマスク済み）' : '見つかりました'),
      serviceUser: (value, user, accountId, bedrock) =>
        `認証情報そのものが${value}。${accountId ? `アカウント ${accountId} の` : ''}IAM ユーザー ${user} のものです${bedrock ? '（キーをデコードして判明）' : '（隣にサービスユーザー名がありました）'}`,
      serviceNoUser: (value) => `認証情報そのものが${value}。IAM ユーザーは読み取れませんでした`,
      cloudfront: (value, keyPairId) => `プライベートキーが${value}${keyPairId ? `。隣にキーペア ID ${keyPairId} があります` : '。CloudFront 用と分かりますが、キーペア ID はありません'}`,
      appsync: (count, value) =>
        `${count === 1 ? 'キーが' : `キー ${count} つが`}${value}。AppSync API キーはキー自体が ID のため、下のコマンドは値を表示せずに入力を求めます`,
      console: (value, user, accountId) => `パスワードが${value}${user ? `（アカウント ${accountId} の IAM ユーザー ${user}）` : '。ユーザー名はファイルの同じ行にあります'}`,
    },
    sesNote: (keyId) =>
      `${keyId} と一緒に Amazon SES の SMTP パスワードが見つかりました。このパスワードはキーのシークレットアクセスキーから生成されたもので（アクセスキー ID が SMTP ユーザー名です）、キーを削除する（手順 2）まで、持っている人は誰でもあなたの名義で（あなたのアカウントから）メールを送信できます。削除後は新しい SMTP 認証情報を作成し（SES コンソール → [SMTP 設定]、または新しいキーから生成）、メールの設定を更新してください。`,
    bedrockShortNote: (keyId, temporary) =>
      `${keyId} で署名された Amazon Bedrock 短期 API キーが見つかりました。作成時刻（X-Amz-Date）から最長 12 時間、または署名したセッションの有効期限まで使え、署名した人のアクセス許可を持ちます。${temporary ? 'ロールの古いセッションを取り消す（手順 2）' : 'このキーを無効化する（手順 2）'}と使えなくなります。`,
    service: {
      userLabel: '認証情報が属する IAM ユーザー（ファイルから、または所有者に確認します）',
      listLabel: (bedrock, serviceUser) => `ユーザーの${bedrock ? ' Bedrock API キー' : 'サービス固有の認証情報'}: ServiceUserName が ${serviceUser} である認証情報の ServiceSpecificCredentialId を控えます`,
      setLabel: '一覧の認証情報 ID を設定する',
      deactivateLabel: 'まず無効化する（元に戻せます）',
      deleteLabel: '次に削除する（元に戻せません）',
      unknownUser: '（不明）',
      bedrock: (user, keyId) =>
        `Bedrock 長期 API キーは IAM ユーザー ${user} のサービス固有の認証情報です。有効期限が切れるか無効化されるまで、そのユーザーに許可されたすべての Bedrock のアクションに使えます。デコードするとユーザーとアカウントが分かります（${keyId}）。取り消しにはそれ以上の情報は要りません。`,
      other: (user) =>
        `CodeCommit の HTTPS Git 認証情報と Amazon Keyspaces のパスワードは、IAM ユーザー ${user} のサービス固有の認証情報です。無効化されるまで、そのサービスに限り、ユーザーのアクセス許可で使えます。`,
      two: 'ユーザーが持てる認証情報はサービスごとに最大 2 つで、サービスユーザー名は共通です。どちらが漏洩したか分からなければ両方を無効化し、アプリケーションには新しいものを渡してください（`aws iam create-service-specific-credential`、ID を変えたくなければ `aws iam reset-service-specific-credential`）。',
      consoleUser:
        'Bedrock コンソールで作ったキーには専用の IAM ユーザー（BedrockAPIKey-…）が付いており、ほかの用途はありません。認証情報を削除したら、そのユーザーのポリシーをデタッチしてユーザーも削除してください。12 時間以内に期限が切れる Bedrock 短期 API キーを使うことをお勧めします。',
      titleBedrock: 'Bedrock API キーを無効化して削除する',
      title: 'サービス固有の認証情報を無効化して削除する',
      warning: '削除は元に戻せません。パスワードやキーが表示されるのは、作成またはリセットしたときだけです。',
    },
    checkByUser: {
      title: '全リージョンで不正利用されていないかを確認する',
      console:
        'コンソールへのサインインは CloudTrail のイベント（ConsoleLogin。us-east-1 またはサインインしたリージョン）として記録され、その後にコンソールで行った操作もすべてそのユーザーとして記録されます。見覚えのない IP アドレスからのサインインと、その後の操作を探してください: 新しいユーザー、キー、パスワード、MFA デバイス（CreateUser、CreateAccessKey、CreateLoginProfile、EnableMFADevice）、アクセス許可の変更、新しいコンピューティングリソースなどです。',
      service:
        'サービス固有の認証情報による呼び出しは、その IAM ユーザーとして記録されます: Bedrock のモデル呼び出し、CodeCommit の Git のプッシュとプル（GitPush、GitPull）、Keyspaces のコントロールプレーンの呼び出しなどです。見覚えのない IP アドレスや時間帯からの呼び出しを探し、請求（全リージョンの Bedrock のモデル利用料）に身に覚えのない費用がないかも確認してください。',
      retention: 'CloudTrail のイベント履歴には、リージョンごとに 90 日分の管理イベントが残ります。',
      eventsLabel: (user) => `IAM ユーザー ${user} の CloudTrail の全イベント（リージョンごと）`,
      warning: 'イベント履歴は管理イベントだけです。データイベント（S3 オブジェクトの読み取り、Keyspaces の一部の操作）は、それを記録する証跡がある場合にしか分かりません。',
    },
    cloudfront: {
      title: 'CloudFront キーペアを削除する',
      thePairId: 'キーペア ID',
      text: (id) => [
        `このプライベートキーがあれば、${id} が削除されるまで、誰でもディストリビューションが受け付ける署名付き URL と署名付き Cookie を、任意のパスと有効期限で作成できます。`,
        'APKA… で始まる ID のキーペアは、ルートユーザーだけが管理できる、アカウント全体で使う旧来の CloudFront キーペアです。ルートユーザーでサインインし、[セキュリティ認証情報] → [CloudFront のキーペア] を開いて、このキーペアを削除してください（署名する側の切り替えに時間が必要なら、先に無効化します）。',
        'そのあと、署名にはキーグループ（CloudFront にアップロードするパブリックキーで、IAM の管理者が管理できます）を使うように切り替え、ディストリビューションをそこに向け（[ビューワーのアクセスを制限する] → [信頼されたキーグループ]）、新しいプライベートキーはリポジトリではなくシークレットの保管場所に保存してください。',
      ],
      distributionsLabel: 'アカウント（信頼された署名者）またはキーグループの署名付き URL・署名付き Cookie を受け付けるディストリビューション',
      warning: 'キーペアを削除すると、正当なものも含め、それで作成した署名付き URL と署名付き Cookie はすべて使えなくなります。先に新しいキーグループを用意してください。',
      checkTitle: '身に覚えのない署名付きリクエストがないかを確認する',
      checkText: [
        '署名付き URL によるリクエストは CloudTrail には記録されず、ログ記録が有効ならディストリビューションの標準ログ（アクセスログ）に記録されます。署名付き URL の Key-Pair-Id パラメータにキーペア ID が入っています。',
        'アプリケーションが生成しないパス、IP アドレス、時間帯の署名付きリクエストを探し、請求の CloudFront のデータ転送量も確認してください。',
      ],
      logsLabel: 'ディストリビューションが標準ログを書き込む場所（DISTRIBUTION_ID は手順 2 の一覧から）',
      requestsLabel: (id) => `ログ内の ${id} による署名付きリクエスト（日付、時刻、クライアントの IP アドレス、パス）を多い順に`,
      bucketComment: '# 上の Bucket から .s3.amazonaws.com を除いたもの',
      prefixComment: '# 上の Prefix',
    },
    appsync: {
      title: 'AppSync API キーを削除する',
      text: [
        'AppSync API キーがあれば、キーの有効期限が切れるか削除されるまで、誰でもどこからでも、GraphQL API が API_KEY 認可で許可している操作を呼び出せます。キー自体が ID のため、コマンドは値を表示せず、非表示の入力で読み取ります。',
        'キーを持つ API を（全リージョンで）探し、必要なクライアントには新しいキーを作成してから、漏洩したキーを削除してください。自社で管理していないクライアントが API キーでアクセスしている場合は、Amazon Cognito や IAM による認可への切り替えを検討してください。',
      ],
      findLabel: 'キーを持つ API を全リージョンで探す（キーは入力するだけで表示されません）',
      prompt: '漏洩した AppSync API キー（表示されません）: ',
      found: '見つかりました: リージョン $region、API $api',
      setLabel: 'その行のリージョンと API を設定する',
      createLabel: '必要なクライアント用の新しいキー（値は一度だけ表示されます）',
      deleteLabel: '漏洩したキーを削除する',
      warning: 'キーを削除すると、まだそのキーを使っているクライアントはすべて動かなくなります。先に新しいキーを配布してください。',
      checkTitle: '身に覚えのない API 呼び出しがないかを確認する',
      checkText: [
        'GraphQL のリクエストは CloudTrail には記録されません。API が CloudWatch にログを送っている（フィールドレベルまたはリクエストのログ記録）なら、そこで不明なアドレスからのリクエストや、クライアントが実行しない操作を探してください。送っていなければ、今すぐログ記録を有効にしてください。',
        'API キー認可で呼び出し元が読み書きできるもの（スキーマの @aws_api_key の操作と、その背後のリゾルバー）と、それらのリゾルバーがアクセスできるデータを確認してください。',
      ],
      loggingLabel: 'API のログ記録の設定（REGION と API_ID は手順 2 から）',
    },
    console: {
      title: 'コンソールパスワードを削除またはリセットする',
      userLabel: 'IAM ユーザー（credentials.csv の該当行の 1 列目）',
      deleteLabel: 'コンソールパスワードを削除する（ユーザーはコンソールにサインインできなくなります）',
      resetLabel: 'または、コンソールへのアクセスが必要な人には、初回サインイン時に変更が必要な新しいパスワードを設定する',
      sessionsLabel: 'サインイン済みのコンソールセッションを終了させる: 現時点より前に発行されたセッションをすべて拒否します',
      devicesLabel: 'ユーザーの現在の MFA デバイスとアクセスキー（侵入者が追加している可能性があります）',
      text: (user) => [
        `credentials.csv に IAM ユーザー ${user ?? '（該当行の 1 列目）'} のコンソールパスワードが入っています。これがあれば、誰でも（MFA が必須でない限り）そのユーザーとしてコンソールにサインインし、ユーザーに許可されたことをすべて実行できます。`,
        'ログインプロファイルを削除するか、ユーザーが変更しなければならないパスワードに置き換え、サインイン済みのセッションも終了させてください。同じファイルにアクセスキーがあれば、別のキーとして一覧に載っているので、それも削除してください。',
      ],
      warning: 'create-login-profile は秘密の値を表示しませんが、新しいパスワードはシェルを経由します。パスワードは別の経路で渡してください。',
    },
  },
};
