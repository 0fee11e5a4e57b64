package dev.corekit.rac;

/** Invented {@code rac} outputs in the documented format (padding, quoting, vocabularies). */
final class Samples {

  private Samples() {}

  static final String CLUSTER_ID = "6d6a4c6e-35a0-4f2c-9a3c-2f0b8e1f0a11";
  static final String SERVER_ID = "2f3e4d5c-6b7a-4980-a1b2-c3d4e5f60718";
  static final String PROCESS_ID = "aa11bb22-cc33-4d44-8e55-ff6677889900";
  static final String INFOBASE_ID = "11111111-2222-4333-8444-555555555555";
  static final String SESSION_ID = "7c1d5f0e-1234-4abc-9def-0123456789ab";
  static final String CONNECTION_ID = "0d9c8b7a-6f5e-4d3c-8b2a-190817263544";
  static final String RULE_ID = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";
  static final String MANAGER_ID = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d";
  static final String ZERO = "00000000-0000-0000-0000-000000000000";

  static final String ADMINS =
      """
      name    : admin
      auth    : pwd
      os-user :\s
      descr   : "Главный администратор"

      name    : ops
      auth    : pwd,os
      os-user : DOMAIN\\ops
      descr   :\s

      """;

  static final String CLUSTER =
      """
      cluster                                   : %s
      host                                      : srv-1c
      port                                      : 1541
      name                                      : "Локальный кластер"
      expiration-timeout                        : 0
      lifetime-limit                            : 0
      max-memory-size                           : 0
      max-memory-time-limit                     : 0
      security-level                            : 0
      session-fault-tolerance-level             : 0
      load-balancing-mode                       : performance
      errors-count-threshold                    : 0
      kill-problem-processes                    : 1
      kill-by-memory-with-dump                  : 0
      allow-access-right-audit-events-recording : 0
      ping-period                               : 0
      ping-timeout                              : 0
      restart-schedule                          :\s

      """
          .formatted(CLUSTER_ID);

  static final String MANAGER =
      """
      manager : %s
      pid     : 2344
      using   : main
      host    : srv-1c
      port    : 1541
      descr   : "Главный менеджер кластера"

      """
          .formatted(MANAGER_ID);

  static final String SERVER =
      """
      server                                    : %s
      agent-host                                : srv-1c
      agent-port                                : 1540
      port-range                                : 1560:1591
      name                                      : "Центральный сервер"
      using                                     : main
      dedicate-managers                         : none
      infobases-limit                           : 8
      memory-limit                              : 0
      connections-limit                         : 128
      safe-working-processes-memory-limit       : 0
      safe-call-memory-limit                    : 0
      cluster-port                              : 1541
      critical-total-memory                     : 0
      temporary-allowed-total-memory            : 0
      temporary-allowed-total-memory-time-limit : 300
      service-principal-name                    :\s

      """
          .formatted(SERVER_ID);

  static final String PROCESS =
      """
      process              : %s
      host                 : srv-1c
      port                 : 1560
      pid                  : 4120
      turned-on            : yes
      running              : yes
      started-at           : 2024-03-01T09:15:00
      use                  : used
      available-perfomance : 160
      capacity             : 1000
      connections          : 12
      memory-size          : 1138560
      memory-excess-time   : 0
      selection-size       : 22184
      avg-call-time        : 0.483
      avg-db-call-time     : 0.052
      avg-lock-call-time   : 0.000
      avg-server-call-time : -0.265
      avg-threads          : 1.066
      reserve              : no

      """
          .formatted(PROCESS_ID);

  static final String PROCESS_OLD_BUILD =
      """
      process              : %s
      host                 : srv-1c
      port                 : 1560
      pid                  : 4120
      is-enable            : no
      running              : yes

      """
          .formatted(PROCESS_ID);

  static final String LICENSE =
      """
      process            : %s
      host               : srv-1c
      port               : 1560
      pid                : 4120
      full-name          : file:///var/1C/licenses/20240301.lic
      series             : "8100000001"
      issued-by-server   : yes
      license-type       : soft
      net                : no
      max-users-all      : 50
      max-users-cur      : 50
      rmngr-address      : "srv-1c"
      rmngr-port         : 1541
      rmngr-pid          : 2344
      short-presentation : "Сервер, 8100000001 50"
      full-presentation  : "Сервер, 4120, srv-1c, 1560, 8100000001 50, файл"

      """
          .formatted(PROCESS_ID);

  static final String SERVICE =
      """
      name      : EventLogService
      main-only : 0
      manager   : %s
      descr     : "Сервис журналов регистрации"

      """
          .formatted(MANAGER_ID);

  static final String INFOBASE_SUMMARY =
      """
      infobase : %s
      name     : Бухгалтерия предприятия
      descr    : "Учёт \"\"основной\"\"\"

      """
          .formatted(INFOBASE_ID);

  static final String INFOBASE =
      """
      infobase                                   : %s
      name                                       : trade
      dbms                                       : PostgreSQL
      db-server                                  : db-1
      db-name                                    : trade
      db-user                                    : postgres
      security-level                             : 0
      license-distribution                       : allow
      scheduled-jobs-deny                        : off
      sessions-deny                              : on
      denied-from                                : 2024-03-01T20:00:00
      denied-message                             : "Регламентные работы"
      denied-parameter                           :\s
      denied-to                                  :\s
      permission-code                            : "0451"
      external-session-manager-connection-string :\s
      external-session-manager-required          : no
      security-profile-name                      :\s
      safe-mode-security-profile-name            :\s
      reserve-working-processes                  : yes
      descr                                      :\s

      """
          .formatted(INFOBASE_ID);

  static final String CONNECTION =
      """
      connection     : %s
      conn-id        : 1423
      host           : ws-042
      process        : %s
      infobase       : %s
      application    : "1CV8C"
      connected-at   : 2024-03-01T09:20:11
      session-number : 7
      blocked-by-ls  : 0

      """
          .formatted(CONNECTION_ID, PROCESS_ID, INFOBASE_ID);

  static final String SESSION =
      """
      session                          : %s
      session-id                       : 7
      infobase                         : %s
      connection                       : %s
      process                          : %s
      user-name                        : Пользователь И.Б.
      host                             : ws-042
      app-id                           : 1CV8C
      locale                           : ru_RU
      started-at                       : 2024-03-01T09:20:11
      last-active-at                   : 2024-03-01T10:01:02
      hibernate                        : no
      passive-session-hibernate-time   : 1200
      hibernate-session-terminate-time : 86400
      blocked-by-dbms                  : 0
      blocked-by-ls                    : 0
      bytes-all                        : 1048576
      bytes-last-5min                  : 2048
      calls-all                        : 311
      calls-last-5min                  : 4
      dbms-bytes-all                   : 524288
      dbms-bytes-last-5min             : 0
      db-proc-info                     :\s
      db-proc-took                     : 0
      db-proc-took-at                  :\s
      duration-all                     : 5230
      duration-all-dbms                : 1200
      duration-current                 : 0
      duration-current-dbms            : 0
      duration-last-5min               : 15
      duration-last-5min-dbms          : 3
      memory-current                   : -1138560
      memory-last-5min                 : 4096
      memory-total                     : 18874368
      read-current                     : 0
      read-last-5min                   : 0
      read-total                       : 0
      write-current                    : 0
      write-last-5min                  : 0
      write-total                      : 0
      duration-current-service         : 0
      duration-last-5min-service       : 0
      duration-all-service             : 12
      current-service-name             :\s
      cpu-time-current                 : 0
      cpu-time-last-5min               : 31
      cpu-time-total                   : 4100
      data-separation                  : ''
      client-ip                        : 10.0.0.42

      session                          : 8e2d6f1a-2345-4bcd-8ef0-123456789abc
      session-id                       : 8
      infobase                         : %s
      connection                       : %s
      process                          : %s
      user-name                        : DefUser
      host                             : srv-1c
      app-id                           : BackgroundJob
      locale                           : ru_RU
      started-at                       : 2024-03-01T09:21:00
      last-active-at                   : 2024-03-01T09:21:00
      hibernate                        : no
      passive-session-hibernate-time   : 1200
      hibernate-session-terminate-time : 86400
      blocked-by-dbms                  : 0
      blocked-by-ls                    : 0
      new-field-from-8-5               : whatever

      """
          .formatted(SESSION_ID, INFOBASE_ID, CONNECTION_ID, PROCESS_ID, INFOBASE_ID, ZERO, ZERO);

  static final String LOCK =
      """
      connection : %s
      session    : %s
      object     : "РегистрСведений.Курсы"
      locked     : 2024-03-01T10:00:00
      descr      : "Разделяемая блокировка"

      """
          .formatted(ZERO, SESSION_ID);

  static final String RULE =
      """
      rule            : %s
      object-type     : ""
      infobase-name   : trade
      rule-type       : always
      application-ext :\s
      priority        : 5

      """
          .formatted(RULE_ID);

  static final String PROFILE =
      """
      name                                : safe
      descr                               : "Безопасный профиль"
      config                              : no
      priv                                : no
      full-privileged-mode                : no
      privileged-mode-roles               :\s
      directory                           : list
      com                                 : list
      addin                               : full
      module                              : list
      app                                 : list
      inet                                : full
      crypto                              : yes
      right-extension                     : no
      right-extension-definition-roles    :\s
      all-modules-extension               : yes
      modules-available-for-extension     :\s
      modules-not-available-for-extension :\s

      """;

  static final String ACL =
      """
      alias         : docs
      descr         : "Документы"
      physical-path : /srv/docs
      allowedRead   : yes
      allowedWrite  : no

      """;

  static final String COUNTER =
      """
      name                      : cpu-users
      collection-time           : current
      group                     : users
      filter-type               : all
      filter                    :\s
      duration                  : analyze
      cpu-time                  : analyze
      memory                    : not-analyze
      read                      : not-analyze
      write                     : not-analyze
      duration-dbms             : not-analyze
      dbms-bytes                : not-analyze
      service                   : not-analyze
      call                      : analyze
      number-of-active-sessions : not-analyze
      number-of-sessions        : not-analyze
      descr                     : "Процессор по пользователям"

      """;

  static final String COUNTER_VALUE =
      """
      object                    : Иванов
      duration                  : 5230
      cpu-time                  : 4100
      memory                    : 0
      read                      : 0
      write                     : 0
      duration-dbms             : 0
      dbms-bytes                : 0
      service                   : 0
      call                      : 311
      number-of-active-sessions : 1
      number-of-sessions        : 2

      """;

  static final String LIMIT =
      """
      name                      : slow-calls
      counter                   : cpu-users
      action                    : interrupt-current-call
      duration                  : 0
      cpu-time                  : 60000
      memory                    : 0
      read                      : 0
      write                     : 0
      duration-dbms             : 0
      dbms-bytes                : 0
      service                   : 0
      call                      : 0
      number-of-active-sessions : 0
      number-of-sessions        : 0
      error-message             : "Слишком долгий вызов"
      descr                     :\s

      """;
}
