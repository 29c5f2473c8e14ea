/** Demo mode: seeds a realistic call center and demo logins through the other modules' services. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.switchboard.demo;
